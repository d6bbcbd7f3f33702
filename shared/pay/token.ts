/**
 * The receipt's pay token: what a terminal signs so that a buyer's phone can
 * pay a sale while the till itself is offline (DESIGN.md "Payments"). Compact
 * binary, base64url in `https://<server>/p/<token>`, small enough for a QR on
 * a 58 mm receipt. Signing and verifying (Ed25519) happen in the processes;
 * this module only lays the bytes out.
 *
 *   version 1 | terminal id length 1 | terminal id ≤ 16 (ASCII) | sale id 16 (ULID, binary)
 *   | tender no 1 | amount fen 6 | expires (Unix minutes) 4 | Ed25519 signature 64
 */
import { ULID_ALPHABET, ULID_RE } from '../ulid';
import { fromBase64url, toBase64url } from './base64url';

export const PAY_TOKEN_VERSION = 1;
export const SIGNATURE_BYTES = 64;
/** Signatures cover this tag and the fields, so they mean nothing in any other protocol. */
export const PAY_TOKEN_DOMAIN = 'markettill-pay-token-v1';
/**
 * What a token pays with: the receipt QR (wallet apps, `/p/<token>`) or the
 * institution's B2B bank gateway for amounts above the code limits
 * (`/g/<token>`). Each has its own signing tag, so a token signed for one is
 * refused on the other's path.
 */
export type PayPurpose = 'qr' | 'gateway';
export const PAY_TOKEN_DOMAINS: Readonly<Record<PayPurpose, string>> = {
  qr: PAY_TOKEN_DOMAIN,
  gateway: 'markettill-gateway-token-v1',
};
export const PAY_PATHS: Readonly<Record<PayPurpose, string>> = { qr: '/p/', gateway: '/g/' };

export interface PayClaims {
  terminal_id: string;
  sale_id: string;
  tender_no: number;
  amount_fen: number;
  /** Unix minutes */
  expires_min: number;
}

export function ulidToBytes(id: string): Uint8Array | null {
  if (!ULID_RE.test(id)) return null;
  let n = 0n;
  for (const c of id) n = n * 32n + BigInt(ULID_ALPHABET.indexOf(c));
  const out = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(n & 255n);
    n >>= 8n;
  }
  return out;
}

export function bytesToUlid(b: Uint8Array): string {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  let s = '';
  for (let i = 0; i < 26; i++) {
    s = ULID_ALPHABET[Number(n & 31n)] + s;
    n >>= 5n;
  }
  return s;
}

/** The signed part of a token. Throws on claims that cannot be encoded (a programmer error). */
export function encodeClaims(c: PayClaims): Uint8Array {
  const tid = [...c.terminal_id].map((ch) => ch.charCodeAt(0));
  const sale = ulidToBytes(c.sale_id);
  if (tid.length === 0 || tid.length > 16 || tid.some((x) => x > 127) || !sale)
    throw new TypeError('pay token: bad terminal or sale id');
  if (!Number.isSafeInteger(c.amount_fen) || c.amount_fen <= 0 || c.amount_fen >= 2 ** 48)
    throw new RangeError('pay token: amount out of range');
  if (
    !Number.isInteger(c.tender_no) ||
    c.tender_no < 1 ||
    c.tender_no > 255 ||
    !Number.isInteger(c.expires_min) ||
    c.expires_min < 0 ||
    c.expires_min >= 2 ** 32
  )
    throw new RangeError('pay token: field out of range');
  const out = new Uint8Array(2 + tid.length + 16 + 1 + 6 + 4);
  let o = 0;
  out[o++] = PAY_TOKEN_VERSION;
  out[o++] = tid.length;
  for (const x of tid) out[o++] = x;
  out.set(sale, o);
  o += 16;
  out[o++] = c.tender_no;
  let a = c.amount_fen;
  for (let i = 5; i >= 0; i--) {
    out[o + i] = a % 256;
    a = Math.floor(a / 256);
  }
  o += 6;
  let e = c.expires_min;
  for (let i = 3; i >= 0; i--) {
    out[o + i] = e % 256;
    e = Math.floor(e / 256);
  }
  return out;
}

export function signingInput(claims: Uint8Array, purpose: PayPurpose = 'qr'): Uint8Array {
  // The tag is ASCII: its bytes are its char codes (no TextEncoder in shared/, which has no DOM or Node types).
  const tag = Uint8Array.from(PAY_TOKEN_DOMAINS[purpose], (c) => c.charCodeAt(0));
  const out = new Uint8Array(tag.length + claims.length);
  out.set(tag);
  out.set(claims, tag.length);
  return out;
}

export function joinToken(claims: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new TypeError('pay token: signature must be 64 bytes');
  const all = new Uint8Array(claims.length + SIGNATURE_BYTES);
  all.set(claims);
  all.set(signature, claims.length);
  return toBase64url(all);
}

export type ParsedToken =
  { ok: true; claims: PayClaims; signed: Uint8Array; signature: Uint8Array } | { ok: false; reason: string };

/** Parses a token's layout (not its signature). Never throws: a buyer can send anything. */
export function parsePayToken(token: string): ParsedToken {
  if (token.length > 300) return { ok: false, reason: 'token too long' };
  const b = fromBase64url(token);
  if (!b || b.length < 2) return { ok: false, reason: 'token is not base64url' };
  if (b[0] !== PAY_TOKEN_VERSION) return { ok: false, reason: 'unknown token version' };
  const tl = b[1] ?? 0;
  const claimsLen = 2 + tl + 16 + 1 + 6 + 4;
  if (tl === 0 || tl > 16 || b.length !== claimsLen + SIGNATURE_BYTES)
    return { ok: false, reason: 'token has the wrong length' };
  let o = 2;
  const terminal_id = String.fromCharCode(...b.subarray(o, o + tl));
  o += tl;
  const sale_id = bytesToUlid(b.subarray(o, o + 16));
  o += 16;
  const tender_no = b[o++] ?? 0;
  let amount = 0;
  for (let i = 0; i < 6; i++) amount = amount * 256 + (b[o + i] ?? 0);
  o += 6;
  let expires = 0;
  for (let i = 0; i < 4; i++) expires = expires * 256 + (b[o + i] ?? 0);
  if (!/^[A-Za-z0-9_-]+$/.test(terminal_id) || tender_no === 0 || amount === 0)
    return { ok: false, reason: 'token fields are invalid' };
  return {
    ok: true,
    claims: { terminal_id, sale_id, tender_no, amount_fen: amount, expires_min: expires },
    signed: b.subarray(0, claimsLen),
    signature: b.subarray(claimsLen),
  };
}
