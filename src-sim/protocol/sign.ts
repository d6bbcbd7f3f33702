import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { lruMemo } from '../../shared/lru-memo';

/** The string a merchant signs for a request: `METHOD\nURL\ntimestamp\nnonce\nbody\n`. */
export function requestMessage(
  method: string,
  url: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method.toUpperCase()}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The string the platform signs for a response or notification: `timestamp\nnonce\nbody\n`. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/**
 * Parsed keys by PEM text. Parsing the PEM costs more than the RSA operation itself (measured here:
 * a sign 5.8 ms from PEM vs 2.4 ms from a KeyObject under load; a verify 0.75 vs 0.09 ms), and the
 * simulator signs every answer and notification with one platform key and checks a handful of
 * merchant keys.
 */
const privateKeyOf = lruMemo((pem): KeyObject => createPrivateKey(pem), 100);
const publicKeyOf = lruMemo((pem): KeyObject => createPublicKey(pem), 1000);

export function signSha256Rsa(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyOf(privateKeyPem), 'base64');
}

export function verifySha256Rsa(message: string, signatureB64: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256')
      .update(message, 'utf8')
      .verify(publicKeyOf(publicKeyPem), signatureB64, 'base64');
  } catch {
    return false;
  }
}

/** 32 upper-case alphanumerics, like WeChat's own nonces. */
export function nonceStr(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = randomBytes(32);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

export interface SignedHeaders {
  'Wechatpay-Serial': string;
  'Wechatpay-Signature': string;
  'Wechatpay-Timestamp': string;
  'Wechatpay-Nonce': string;
}

/** Headers the platform attaches to every response and notification it signs. */
export function platformHeaders(
  body: string,
  privateKeyPem: string,
  serial: string,
  nowMs = Date.now(),
): SignedHeaders {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = nonceStr();
  return {
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature': signSha256Rsa(responseMessage(timestamp, nonce, body), privateKeyPem),
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
  };
}

/** Builds the Authorization header a merchant sends (used by tests and the bundled demo client). */
export function authorizationHeader(opts: {
  mchid: string;
  serialNo: string;
  privateKeyPem: string;
  method: string;
  url: string;
  body: string;
  timestamp?: string;
  nonce?: string;
}): string {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? nonceStr();
  const signature = signSha256Rsa(
    requestMessage(opts.method, opts.url, timestamp, nonce, opts.body),
    opts.privateKeyPem,
  );
  return `WECHATPAY2-SHA256-RSA2048 mchid="${opts.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${opts.serialNo}"`;
}
