import { SimError } from './errors';
import { requestMessage, verifySha256Rsa } from './sign';

/** Requests whose timestamp is further than this from the wall clock are refused (WeChat: 5 minutes). */
export const SIGNATURE_WINDOW_S = 300;
const MAX_HEADER_CHARS = 2048;

export interface AuthFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

const SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
const FIELD_RE = /([a-z_]+)="([^"]*)"/g;

export function parseAuthorization(header: string | undefined): AuthFields | null {
  if (header === undefined || header.length > MAX_HEADER_CHARS || !header.startsWith(`${SCHEMA} `))
    return null;
  const fields = new Map<string, string>();
  for (const m of header.slice(SCHEMA.length + 1).matchAll(FIELD_RE)) {
    if (m[1] !== undefined && m[2] !== undefined) fields.set(m[1], m[2]);
  }
  const get = (k: string): string | undefined => fields.get(k);
  const mchid = get('mchid'),
    nonce = get('nonce_str'),
    signature = get('signature'),
    timestamp = get('timestamp'),
    serial = get('serial_no');
  if (!mchid || !nonce || !signature || !timestamp || !serial) return null;
  return { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial };
}

/**
 * Checks a merchant request the way WeChat does: the header parses, the
 * timestamp is within 5 minutes of the wall clock, the serial names a
 * registered key of that merchant, and the signature covers the exact method,
 * URL (path and query) and raw body bytes. Returns the signing merchant.
 */
export function verifyRequest(opts: {
  header: string | undefined;
  method: string;
  url: string;
  body: string;
  nowMs: number;
  lookupKey: (mchid: string, serial: string) => string | undefined;
}): AuthFields {
  const a = parseAuthorization(opts.header);
  if (a === null)
    throw new SimError('SIGN_ERROR', 'Authorization 头缺失或格式错误 (WECHATPAY2-SHA256-RSA2048 expected)');
  if (
    !/^\d{1,12}$/.test(a.timestamp) ||
    Math.abs(Number(a.timestamp) - Math.floor(opts.nowMs / 1000)) > SIGNATURE_WINDOW_S
  ) {
    throw new SimError('SIGN_ERROR', '签名过期: 请求时间戳与服务器时间相差超过5分钟');
  }
  const pem = opts.lookupKey(a.mchid, a.serial_no);
  if (pem === undefined) throw new SimError('SIGN_ERROR', '商户证书序列号有误或未登记');
  const msg = requestMessage(opts.method, opts.url, a.timestamp, a.nonce_str, opts.body);
  if (!verifySha256Rsa(msg, a.signature, pem)) throw new SimError('SIGN_ERROR', '签名错误');
  return a;
}
