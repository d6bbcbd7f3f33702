/**
 * Signed HTTP calls from the terminal to the settlement server. The server's
 * clock, read from each answer's Date header, corrects the timestamp the
 * terminal signs with, so a till whose clock is off still gets through
 * (the skew is reported to the server in x-mt-local-time for staff). Only a
 * quick answer teaches the clock: a slow one (a loaded server, a request
 * queued for minutes) would pass its delay off as the till's clock being off.
 */
import type { KeyObject } from 'node:crypto';
import { ApiFailure, bodyText, failureOf, readAnswer, urlOf, type CallArgs } from '../../shared/api/client';
import { LOCAL_TIME_HEADER } from '../../shared/api/headers';
import type { Answer, ApiRoute } from '../../shared/api/route';
import { signRequest } from './signer';

export const REQUEST_TIMEOUT_MS = 10_000;

/** The server answered with an error: the contract's failure, named for the till's logs. */
export class ServerError extends ApiFailure {
  override name = 'ServerError';
}

/** No answer: connection refused or dropped, timeout. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ServerLink {
  url: string;
  auth: { key: KeyObject; terminalId: string } | null;
  timeoutMs?: number;
  /** server clock − local clock, learned from answers */
  clockOffsetMs?: number;
}

function signedHeaders(
  link: ServerLink,
  method: string,
  path: string,
  text: string,
  local: number,
): Record<string, string> {
  const headers: Record<string, string> = link.auth
    ? signRequest(link.auth.key, link.auth.terminalId, method, path, text, local + (link.clockOffsetMs ?? 0))
    : {};
  headers[LOCAL_TIME_HEADER] = String(local);
  if (text) headers['content-type'] = 'application/json';
  return headers;
}

/** An answer slower than this (request sent to headers in) does not teach the server's clock. */
export const CLOCK_ROUND_TRIP_MS_MAX = 10_000;

function learnClock(link: ServerLink, res: Response, sentMs: number, answeredMs: number): void {
  const date = Date.parse(res.headers.get('date') ?? '');
  if (!Number.isFinite(date) || answeredMs - sentMs > CLOCK_ROUND_TRIP_MS_MAX) return;
  // The server wrote the Date somewhere between sending and answer: the midpoint is the best guess.
  const local = (sentMs + answeredMs) / 2;
  // Date has one-second resolution: only move the offset when it is clearly off.
  if (Math.abs(date - local - (link.clockOffsetMs ?? 0)) > 2_000)
    link.clockOffsetMs = Math.round(date - local);
}

/** The server's error body (shared/api/errors.ts) as a ServerError with its code and details. */
function refusal(status: number, json: unknown): ServerError {
  const f = failureOf(status, json);
  return new ServerError(status, f.code, f.message, f.details);
}

const jsonOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

const networkError = (err: unknown): NetworkError =>
  new NetworkError(err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** Calls a route of the server's contract (shared/api): its path, query and body from `args`, the answer read with its schema. */
export async function callServer<R extends ApiRoute>(
  link: ServerLink,
  route: R,
  args: CallArgs<R>,
): Promise<Answer<R>> {
  const text = bodyText(route, args);
  const path = urlOf(route, args);
  const { method } = route;
  const local = Date.now();
  const headers = signedHeaders(link, method, path, text, local);
  let res: Response;
  let answered: number;
  let answer: string;
  try {
    res = await fetch(new URL(path, link.url), {
      method,
      headers,
      body: text || undefined,
      signal: AbortSignal.timeout(link.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    answered = Date.now();
    // A connection cut in the middle of the answer is no answer, not a malformed one.
    answer = await res.text();
  } catch (err) {
    throw networkError(err);
  }
  const json = jsonOrNull(answer);
  learnClock(link, res, local, answered);
  if (!res.ok) throw refusal(res.status, json);
  try {
    return readAnswer(route, res.status, json);
  } catch {
    throw new ServerError(
      res.status,
      'bad_answer',
      `the server's answer to ${path} is not what the terminal expects`,
    );
  }
}

/**
 * Opens a signed GET whose answer is a Server-Sent Events stream and answers
 * its body once the headers are in; `signal` ends it. Refusals and network
 * failures are the same errors `callServer` throws.
 */
export async function openServerStream(
  link: ServerLink,
  route: ApiRoute & { produces: 'text/event-stream' },
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const path = urlOf(route, {});
  const local = Date.now();
  const headers = { ...signedHeaders(link, route.method, path, '', local), accept: 'text/event-stream' };
  let res: Response;
  try {
    res = await fetch(new URL(path, link.url), { method: 'GET', headers, signal });
  } catch (err) {
    throw networkError(err);
  }
  learnClock(link, res, local, Date.now());
  if (!res.ok) throw refusal(res.status, await res.json().catch(() => null));
  if (!res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel().catch(() => undefined);
    throw new ServerError(res.status, 'bad_answer', `the server's answer to ${path} is not an event stream`);
  }
  return res.body;
}
