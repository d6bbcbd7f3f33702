/**
 * Which reverse proxies the server believes about the original request
 * (X-Forwarded-For: the client address that login throttling counts;
 * X-Forwarded-Proto: https, which makes the session cookie Secure and turns
 * on HSTS). Only the listed addresses or CIDR blocks are believed: a client
 * that reaches the server directly cannot claim https or another address.
 * Set with `markettill server --trust-proxy 127.0.0.1,10.0.0.0/8` or the
 * MARKETTILL_TRUST_PROXY environment variable (docs/reverse-proxy.md).
 */
import { isIP } from 'node:net';

export const TRUST_PROXY_ENV = 'MARKETTILL_TRUST_PROXY';
/** Proxies one server trusts: more than a handful is a misconfiguration, not a deployment. */
export const TRUSTED_PROXIES_MAX = 32;
/** HSTS for half a year once a request came over https through a trusted proxy. */
export const HSTS_MAX_AGE_S = 180 * 24 * 60 * 60;

/** `a.b.c.d`, `a.b.c.d/n`, an IPv6 address or `addr/n`, comma-separated; throws a readable error otherwise. */
export function parseTrustedProxies(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length > TRUSTED_PROXIES_MAX)
    throw new Error(`at most ${TRUSTED_PROXIES_MAX} trusted proxies, got ${items.length}`);
  for (const item of items) {
    const [addr = '', bits, ...rest] = item.split('/');
    const family = isIP(addr);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || rest.length > 0 || !bitsOk)
      throw new Error(
        `trusted proxy '${item}' is not an IP address or CIDR block (e.g. 127.0.0.1 or 10.0.0.0/8)`,
      );
  }
  return items;
}
