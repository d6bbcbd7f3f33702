/** Signed HTTP calls from the terminal to the settlement server. */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { signRequest } from './signer';

export const REQUEST_TIMEOUT_MS = 10_000;

export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export async function callServer<T>(
  serverUrl: string,
  auth: { key: KeyObject; terminalId: string } | null,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = auth ? signRequest(auth.key, auth.terminalId, method, path, text, Date.now()) : {};
  if (text) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, serverUrl), { method, headers, body: text || undefined, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(json);
    throw new ServerError(res.status, parsed.success ? parsed.data.error.code : 'http_error', parsed.success ? parsed.data.error.message : `HTTP ${res.status}`);
  }
  return schema.parse(json);
}
