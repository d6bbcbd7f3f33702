/**
 * The staff web's one way to the server: a route of the shared contract
 * (shared/api) called over fetch with the session cookie and the CSRF token
 * on every change; the answer is read with the route's own schema, an error
 * body turned into an ApiFailure with its code (the UI shows the message).
 */
import { ApiFailure, bodyText, readAnswer, urlOf, type CallArgs } from '../../shared/api/client';
import { CSRF_HEADER } from '../../shared/api/headers';
import type { Answer, ApiRoute } from '../../shared/api/route';

export { api } from '../../shared/api';
export { ApiFailure };

let csrf = '';

export function setCsrf(token: string): void {
  csrf = token;
}

export async function call<R extends ApiRoute>(route: R, args: CallArgs<R>): Promise<Answer<R>> {
  const text = bodyText(route, args);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (text) headers['content-type'] = 'application/json';
  if (route.method !== 'GET') headers[CSRF_HEADER] = csrf;
  const res = await fetch(urlOf(route, args), {
    method: route.method,
    headers,
    body: text || undefined,
    credentials: 'same-origin',
  });
  const raw = await res.text();
  let json: unknown = null;
  try {
    json = raw ? JSON.parse(raw) : null;
  } catch {
    throw new ApiFailure(res.status, `http_${res.status}`, res.statusText);
  }
  return readAnswer(route, res.status, json);
}

export const dashed = (day: string): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
