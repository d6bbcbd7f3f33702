/** A staff session on the server's admin API (login, then the session cookie and CSRF token on every call). */
import { api } from '../../shared/api';
import { CSRF_HEADER } from '../../shared/api/headers';

export interface StaffClient {
  call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export async function jsonOf<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export async function staffLogin(
  serverUrl: string,
  username: string,
  password: string,
): Promise<StaffClient> {
  const login = await fetch(`${serverUrl}${api.staffLogin.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf_token } = await jsonOf<{ csrf_token: string }>(login, 'staff login');
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie, [CSRF_HEADER]: csrf_token };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${serverUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return jsonOf<T>(res, `${method} ${path}`);
    },
  };
}
