/**
 * Signs the pay URL printed on a receipt for a pending QR tender, or for a
 * gateway tender (a large amount paid through the institution's B2B bank
 * page: `/g/<token>`, signed under its own tag). Works with the till
 * offline: the buyer's phone carries the token to the server, which checks
 * it with this terminal's public key.
 */
import { sign, type KeyObject } from 'node:crypto';
import {
  PAY_PATHS,
  encodeClaims,
  joinToken,
  signingInput,
  type PayClaims,
  type PayPurpose,
} from '../../shared/pay/token';

/** A printed QR stays payable for this long (a buyer may pay on the way home). */
export const PAY_TOKEN_TTL_MIN = 72 * 60;

export function payUrl(
  publicBaseUrl: string,
  key: KeyObject,
  claims: Omit<PayClaims, 'expires_min'>,
  nowMs: number,
  purpose: PayPurpose = 'qr',
): string {
  const full: PayClaims = { ...claims, expires_min: Math.floor(nowMs / 60_000) + PAY_TOKEN_TTL_MIN };
  const bytes = encodeClaims(full);
  const signature = sign(null, signingInput(bytes, purpose), key);
  return `${publicBaseUrl.replace(/\/+$/, '')}${PAY_PATHS[purpose]}${joinToken(bytes, new Uint8Array(signature))}`;
}
