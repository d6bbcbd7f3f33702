/**
 * Signs the pay URL printed on a receipt for a pending QR tender. Works with
 * the till offline: the buyer's phone carries the token to the server, which
 * checks it with this terminal's public key.
 */
import { sign, type KeyObject } from 'node:crypto';
import { encodeClaims, joinToken, signingInput, type PayClaims } from '../../shared/pay/token';

/** A printed QR stays payable for this long (a buyer may pay on the way home). */
export const PAY_TOKEN_TTL_MIN = 72 * 60;

export function payUrl(publicBaseUrl: string, key: KeyObject, claims: Omit<PayClaims, 'expires_min'>, nowMs: number): string {
  const full: PayClaims = { ...claims, expires_min: Math.floor(nowMs / 60_000) + PAY_TOKEN_TTL_MIN };
  const bytes = encodeClaims(full);
  const signature = sign(null, signingInput(bytes), key);
  return `${publicBaseUrl.replace(/\/+$/, '')}/p/${joinToken(bytes, new Uint8Array(signature))}`;
}
