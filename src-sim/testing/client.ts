import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SimConfig } from '../config';

/**
 * A merchant-side WeChat Pay v3 client, written from WeChat's documentation
 * (deliberately not reusing protocol/): signs `METHOD\nURL\nts\nnonce\nbody\n`,
 * and verifies `ts\nnonce\nbody\n` of every answer with the platform key.
 */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  raw: string;
  headers: Headers;
  verified: boolean;
}

export function wxSign(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

export function wxVerify(
  headers: { timestamp: string; nonce: string; signature: string },
  body: string,
  publicKeyPem: string,
): boolean {
  return createVerify('RSA-SHA256')
    .update(`${headers.timestamp}\n${headers.nonce}\n${body}\n`)
    .verify(publicKeyPem, headers.signature, 'base64');
}

export function wxDecrypt(
  resource: { ciphertext: string; nonce: string; associated_data: string },
  apiV3Key: string,
): string {
  const buf = Buffer.from(resource.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(resource.nonce));
  d.setAuthTag(buf.subarray(buf.length - 16));
  d.setAAD(Buffer.from(resource.associated_data));
  return Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8');
}

export interface ClientOptions {
  mchid?: string;
  serialNo?: string;
  privateKeyPem?: string;
  /** Override the request timestamp (seconds), to test the window. */
  timestamp?: () => string;
  /** Alter the body after signing, to test tamper detection. */
  tamper?: (body: string) => string;
}

export class WxClient {
  readonly cfg: SimConfig;
  private readonly key: string;
  constructor(
    cfg: SimConfig,
    private readonly o: ClientOptions = {},
  ) {
    this.cfg = cfg;
    this.key = o.privateKeyPem ?? readFileSync(cfg.merchant_api.private_key_file, 'utf8');
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const ts = this.o.timestamp?.() ?? String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const sig = wxSign(`${method}\n${url}\n${ts}\n${nonce}\n${text}\n`, this.key);
    const auth = `WECHATPAY2-SHA256-RSA2048 mchid="${this.o.mchid ?? this.cfg.sp_mchid}",nonce_str="${nonce}",signature="${sig}",timestamp="${ts}",serial_no="${this.o.serialNo ?? this.cfg.merchant_api.serial_no}"`;
    const res = await fetch(this.cfg.base_url + url, {
      method,
      headers: {
        Authorization: auth,
        Accept: 'application/json',
        ...(text === '' ? {} : { 'Content-Type': 'application/json' }),
      },
      body: text === '' ? undefined : (this.o.tamper?.(text) ?? text),
    });
    const raw = await res.text();
    const h = {
      timestamp: res.headers.get('wechatpay-timestamp') ?? '',
      nonce: res.headers.get('wechatpay-nonce') ?? '',
      signature: res.headers.get('wechatpay-signature') ?? '',
    };
    const verified =
      res.headers.get('wechatpay-serial') === this.cfg.platform_public_key_id &&
      wxVerify(h, raw, this.cfg.platform_public_key_pem);
    // Every answer except a bill download must verify with the platform key: checked on every call of every test.
    if (!verified && !url.startsWith('/v3/billdownload/'))
      throw new Error(
        `answer to ${method} ${url} (${res.status}) does not verify with the platform public key`,
      );
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return {
      status: res.status,
      body: (raw === '' || !isJson ? {} : JSON.parse(raw)) as T,
      raw,
      headers: res.headers,
      verified,
    };
  }
}
