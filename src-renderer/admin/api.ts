/**
 * The staff web's one way to the server: JSON over fetch with the session
 * cookie, the CSRF token on every change, and the server's error shape
 * turned into an ApiFailure with its code (the UI shows the message).
 */
let csrf = '';

export function setCsrf(token: string): void {
  csrf = token;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(`/api/v1/admin${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
  }
  return json as T;
}

/** "12345" fen → "123.45", for display only. */
export function yuan(fen: number): string {
  const a = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100).toLocaleString('en')}.${String(a % 100).padStart(2, '0')}`;
}

/** Today's business day in Shanghai (YYYYMMDD) and the day before. */
export function shanghaiDay(offsetDays = 0, nowMs = Date.now()): string {
  return new Date(nowMs + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

export const dashed = (day: string): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
