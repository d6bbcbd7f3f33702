/** The few cookie rules the admin session needs, written here rather than pulling in a plugin. */
const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_COOKIE_HEADER = 8192;

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header || header.length > MAX_COOKIE_HEADER) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const v = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,256}$/.test(v) ? v : null;
  }
  return null;
}

export interface CookieOptions {
  maxAgeS: number;
  path: string;
  secure: boolean;
}

/** httpOnly and SameSite=Strict always: scripts cannot read the session and other sites cannot send it. */
export function sessionCookie(name: string, value: string, o: CookieOptions): string {
  if (!NAME_RE.test(name)) throw new TypeError(`bad cookie name ${name}`);
  return [
    `${name}=${value}`,
    `Path=${o.path}`,
    `Max-Age=${o.maxAgeS}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}
