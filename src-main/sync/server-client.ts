/**
 * Signed HTTP calls from the terminal to the settlement server. The server's
 * clock, read from each answer's Date header, corrects the timestamp the
 * terminal signs with, so a till whose clock is off still gets through
 * (the skew is reported to the server in x-mt-local-time for staff).
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { signRequest } from './signer';

export const REQUEST_TIMEOUT_MS = 10_000;

export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** No answer: connection refused or dropped, timeout. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }).passthrough() });

export interface ServerLink {
  url: string;
  auth: { key: KeyObject; terminalId: string } | null;
  timeoutMs?: number;
  /** server clock − local clock, learned from answers */
  clockOffsetMs?: number;
}

export async function callServer<T>(link: ServerLink, method: 'GET' | 'POST', path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const local = Date.now();
  const headers: Record<string, string> = link.auth ? signRequest(link.auth.key, link.auth.terminalId, method, path, text, local + (link.clockOffsetMs ?? 0)) : {};
  headers['x-mt-local-time'] = String(local);
  if (text) headers['content-type'] = 'application/json';
  let res: Response;
  let json: unknown;
  try {
    res = await fetch(new URL(path, link.url), { method, headers, body: text || undefined, signal: AbortSignal.timeout(link.timeoutMs ?? REQUEST_TIMEOUT_MS) });
    json = await res.json().catch(() => null);
  } catch (err) {
    throw new NetworkError(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
  const date = Date.parse(res.headers.get('date') ?? '');
  // Date has one-second resolution: only move the offset when it is clearly off.
  if (Number.isFinite(date) && Math.abs(date - local - (link.clockOffsetMs ?? 0)) > 2_000) link.clockOffsetMs = date - local;
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(json);
    if (!parsed.success) throw new ServerError(res.status, 'http_error', `HTTP ${res.status}`);
    const { code, message, ...details } = parsed.data.error;
    throw new ServerError(res.status, code, message, details);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ServerError(res.status, 'bad_answer', `the server's answer to ${path} is not what the terminal expects`);
  return parsed.data;
}
