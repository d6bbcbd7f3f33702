/**
 * The WeChat Pay API v3 wire protocol from the merchant's side, written from
 * WeChat's documentation (payments.md §1.3): SHA256withRSA request signatures
 * in the `WECHATPAY2-SHA256-RSA2048` Authorization header, verification of
 * signed answers and notifications with the platform public key (over the raw
 * body bytes), and AEAD_AES_256_GCM decryption of notification resources.
 */
import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { EncryptedResource } from '../../shared/pay/wechat-v3-wire';

/** Answers and notifications older or newer than this are refused (replay window). */
export const SIGNATURE_WINDOW_S = 300;

export interface MerchantKey {
  mchid: string;
  serial_no: string;
  private_key: KeyObject;
}

export interface PlatformKey {
  serial: string;
  public_key: KeyObject;
}

export function merchantKey(mchid: string, serialNo: string, privateKeyPem: string): MerchantKey {
  return { mchid, serial_no: serialNo, private_key: createPrivateKey(privateKeyPem) };
}

export function platformKey(serial: string, publicKeyPem: string): PlatformKey {
  return { serial, public_key: createPublicKey(publicKeyPem) };
}

/** The Authorization header for one request; `url` is path plus query, `body` the exact bytes sent. */
export function authorization(
  key: MerchantKey,
  method: string,
  url: string,
  body: string,
  nowMs: number,
): string {
  const ts = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = sign(
    'sha256',
    Buffer.from(`${method}\n${url}\n${ts}\n${nonce}\n${body}\n`),
    key.private_key,
  ).toString('base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${key.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${ts}",serial_no="${key.serial_no}"`;
}

export type HeaderGet = (name: string) => string | undefined;

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Checks `Wechatpay-*` headers over `timestamp\nnonce\nbody\n` with the platform key. */
export function verifySignature(platform: PlatformKey, get: HeaderGet, body: string, nowMs: number): Verdict {
  const serial = get('wechatpay-serial');
  const ts = get('wechatpay-timestamp');
  const nonce = get('wechatpay-nonce');
  const sig = get('wechatpay-signature');
  if (!serial || !ts || !nonce || !sig) return { ok: false, reason: 'Wechatpay signature headers missing' };
  if (serial !== platform.serial)
    return { ok: false, reason: `unknown platform key serial ${serial.slice(0, 64)}` };
  const tsS = Number(ts);
  if (!Number.isSafeInteger(tsS) || Math.abs(nowMs / 1000 - tsS) > SIGNATURE_WINDOW_S)
    return { ok: false, reason: 'Wechatpay-Timestamp outside the 5-minute window' };
  let good = false;
  try {
    good = verify(
      'sha256',
      Buffer.from(`${ts}\n${nonce}\n${body}\n`),
      platform.public_key,
      Buffer.from(sig, 'base64'),
    );
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'Wechatpay-Signature does not verify' };
}

/** AES-256-GCM with the API v3 key; the 16-byte tag ends the ciphertext. Null when it does not authenticate. */
export function decryptResource(r: EncryptedResource, apiV3Key: Buffer): string | null {
  if (r.algorithm !== 'AEAD_AES_256_GCM') return null;
  try {
    const buf = Buffer.from(r.ciphertext, 'base64');
    if (buf.length < 17) return null;
    const d = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(r.nonce, 'utf8'));
    d.setAuthTag(buf.subarray(buf.length - 16));
    d.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
    return Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
