import { createCipheriv, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptResource, encryptResource } from './aead';
import { parseAuthorization, verifyRequest, SIGNATURE_WINDOW_S } from './authorization';
import { SimError } from './errors';
import { authorizationHeader, platformHeaders, responseMessage, verifySha256Rsa } from './sign';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const merchant = pair();
const other = pair();
const platform = pair();
const API_V3_KEY = 'abcdefghijklmnopqrstuvwxyz012345';

function check(header: string, body = '{"a":1}', url = '/v3/x?y=1', nowMs = Date.now()) {
  return verifyRequest({
    header,
    method: 'POST',
    url,
    body,
    nowMs,
    lookupKey: (m, s) => (m === '1900000109' && s === 'SER1' ? merchant.publicKey : undefined),
  });
}
const sign = (o: Partial<Parameters<typeof authorizationHeader>[0]> = {}) =>
  authorizationHeader({
    mchid: '1900000109',
    serialNo: 'SER1',
    privateKeyPem: merchant.privateKey,
    method: 'POST',
    url: '/v3/x?y=1',
    body: '{"a":1}',
    ...o,
  });
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof SimError ? `${e.status} ${e.code}` : 'other';
  }
  return 'ok';
};

describe('request signatures', () => {
  it('accepts a correctly signed request and parses every field', () => {
    const h = sign();
    expect(check(h).mchid).toBe('1900000109');
    expect(parseAuthorization(h)?.serial_no).toBe('SER1');
  });
  it('refuses a request signed with another key', () => {
    expect(code(() => check(sign({ privateKeyPem: other.privateKey })))).toBe('401 SIGN_ERROR');
  });
  it('refuses a modified body, URL or method', () => {
    const h = sign();
    expect(code(() => check(h, '{"a":2}'))).toBe('401 SIGN_ERROR');
    expect(code(() => check(h, '{"a":1}', '/v3/x?y=2'))).toBe('401 SIGN_ERROR');
    expect(
      code(() =>
        verifyRequest({
          header: h,
          method: 'GET',
          url: '/v3/x?y=1',
          body: '{"a":1}',
          nowMs: Date.now(),
          lookupKey: () => merchant.publicKey,
        }),
      ),
    ).toBe('401 SIGN_ERROR');
  });
  it('has a 5-minute window on both sides', () => {
    const now = Date.now();
    const ts = (d: number) => String(Math.floor(now / 1000) + d);
    expect(code(() => check(sign({ timestamp: ts(-SIGNATURE_WINDOW_S) }), '{"a":1}', '/v3/x?y=1', now))).toBe(
      'ok',
    );
    expect(code(() => check(sign({ timestamp: ts(SIGNATURE_WINDOW_S) }), '{"a":1}', '/v3/x?y=1', now))).toBe(
      'ok',
    );
    expect(
      code(() => check(sign({ timestamp: ts(-SIGNATURE_WINDOW_S - 1) }), '{"a":1}', '/v3/x?y=1', now)),
    ).toBe('401 SIGN_ERROR');
    expect(
      code(() => check(sign({ timestamp: ts(SIGNATURE_WINDOW_S + 1) }), '{"a":1}', '/v3/x?y=1', now)),
    ).toBe('401 SIGN_ERROR');
  });
  it('refuses unknown serials, other schemas and missing fields', () => {
    expect(code(() => check(sign({ serialNo: 'SER2' })))).toBe('401 SIGN_ERROR');
    expect(code(() => check(sign().replace('WECHATPAY2-SHA256-RSA2048', 'Bearer')))).toBe('401 SIGN_ERROR');
    expect(code(() => check(sign().replace(/,serial_no="[^"]*"/, '')))).toBe('401 SIGN_ERROR');
  });
});

describe('platform signatures', () => {
  it('signs timestamp\\nnonce\\nbody\\n, an empty body being just \\n', () => {
    for (const body of ['{"code_url":"x"}', '']) {
      const h = platformHeaders(body, platform.privateKey, 'PUB_KEY_ID_1');
      expect(
        verifySha256Rsa(
          responseMessage(h['Wechatpay-Timestamp'], h['Wechatpay-Nonce'], body),
          h['Wechatpay-Signature'],
          platform.publicKey,
        ),
      ).toBe(true);
      expect(
        verifySha256Rsa(
          responseMessage(h['Wechatpay-Timestamp'], h['Wechatpay-Nonce'], `${body} `),
          h['Wechatpay-Signature'],
          platform.publicKey,
        ),
      ).toBe(false);
    }
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  it('round-trips and refuses a wrong key, altered ciphertext or associated data', () => {
    const r = encryptResource('{"x":"中文"}', API_V3_KEY, 'transaction', 'transaction');
    expect(Buffer.from(r.nonce, 'utf8')).toHaveLength(12);
    expect(decryptResource(r, API_V3_KEY)).toBe('{"x":"中文"}');
    expect(() => decryptResource(r, 'X'.repeat(32))).toThrow();
    expect(() => decryptResource({ ...r, associated_data: 'refund' }, API_V3_KEY)).toThrow();
    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() => decryptResource({ ...r, ciphertext: bytes.toString('base64') }, API_V3_KEY)).toThrow();
  });

  it("decrypts WeChat's published example notification, encrypted the way WeChat documents it", () => {
    // The envelope and the partner transaction resource as printed in WeChat's v3 docs (支付通知 / 服务商).
    const plaintext = JSON.stringify({
      sp_appid: 'wx8888888888888888',
      sp_mchid: '1230000109',
      sub_appid: 'wxd678efh567hg6999',
      sub_mchid: '1900000109',
      out_trade_no: '1217752501201407033233368018',
      transaction_id: '1217752501201407033233368018',
      trade_type: 'MICROPAY',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'CMC',
      attach: '自定义数据',
      success_time: '2018-06-08T10:34:56+08:00',
      payer: { sp_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', sub_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
    });
    const nonce = 'fdasflkja484';
    const c = createCipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(nonce));
    c.setAAD(Buffer.from('transaction'));
    const ciphertext = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]).toString(
      'base64',
    );
    const body = JSON.stringify({
      id: 'EV-2018022511223320873',
      create_time: '2015-05-20T13:29:35+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext,
        associated_data: 'transaction',
        nonce,
      },
    });
    const h = platformHeaders(body, platform.privateKey, 'PUB_KEY_ID_0114232134912410000000000000');
    expect(
      verifySha256Rsa(
        responseMessage(h['Wechatpay-Timestamp'], h['Wechatpay-Nonce'], body),
        h['Wechatpay-Signature'],
        platform.publicKey,
      ),
    ).toBe(true);
    const env = JSON.parse(body) as {
      resource: { ciphertext: string; nonce: string; associated_data: string };
    };
    expect(JSON.parse(decryptResource(env.resource, API_V3_KEY))).toMatchObject({
      trade_state: 'SUCCESS',
      amount: { total: 100 },
    });
  });
});
