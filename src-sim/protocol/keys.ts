import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The institution's identity, created once in the data directory and reused
 * on every later start: the platform key pair that signs responses and
 * notifications (WeChat's "微信支付公钥" mode, serial `PUB_KEY_ID_…`), the API
 * v3 key, the service provider's (the market's) merchant number, and a
 * default merchant API key pair the settlement server may sign with.
 */
export interface Identity {
  spMchid: string;
  spAppid: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivatePem: string;
  platformPublicPem: string;
  merchantSerial: string;
  merchantPrivatePem: string;
  merchantPublicPem: string;
  portalToken: string;
}

export const FILES = {
  identity: 'identity.json',
  platformPrivate: 'platform_private_key.pem',
  platformPublic: 'platform_public_key.pem',
  merchantPrivate: 'merchant_apiclient_key.pem',
  merchantPublic: 'merchant_apiclient_pub.pem',
  merchantKeysDir: 'merchant-keys',
} as const;

interface StoredIdentity {
  sp_mchid: string;
  sp_appid: string;
  api_v3_key: string;
  platform_serial: string;
  merchant_serial: string;
  portal_token: string;
}

function rsaPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function loadOrCreateIdentity(dataDir: string): Identity {
  mkdirSync(join(dataDir, FILES.merchantKeysDir), { recursive: true });
  const idFile = join(dataDir, FILES.identity);
  if (!existsSync(idFile)) {
    const platform = rsaPair();
    const merchant = rsaPair();
    let apiV3Key = '';
    for (const b of randomBytes(32)) apiV3Key += KEY_ALPHABET[b % KEY_ALPHABET.length];
    const stored: StoredIdentity = {
      sp_mchid: `19${digits(8)}`,
      sp_appid: `wx${randomBytes(8).toString('hex')}`,
      api_v3_key: apiV3Key,
      platform_serial: `PUB_KEY_ID_01${digits(26)}`,
      merchant_serial: randomBytes(20).toString('hex').toUpperCase(),
      portal_token: randomBytes(24).toString('hex'),
    };
    writeFileSync(join(dataDir, FILES.platformPrivate), platform.privatePem, { mode: 0o600 });
    writeFileSync(join(dataDir, FILES.platformPublic), platform.publicPem);
    writeFileSync(join(dataDir, FILES.merchantPrivate), merchant.privatePem, { mode: 0o600 });
    writeFileSync(join(dataDir, FILES.merchantPublic), merchant.publicPem);
    // identity.json last: its presence means the key files beside it are complete.
    writeFileSync(idFile, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  const s = JSON.parse(readFileSync(idFile, 'utf8')) as StoredIdentity;
  return {
    spMchid: s.sp_mchid,
    spAppid: s.sp_appid,
    apiV3Key: s.api_v3_key,
    platformSerial: s.platform_serial,
    platformPrivatePem: readFileSync(join(dataDir, FILES.platformPrivate), 'utf8'),
    platformPublicPem: readFileSync(join(dataDir, FILES.platformPublic), 'utf8'),
    merchantSerial: s.merchant_serial,
    merchantPrivatePem: readFileSync(join(dataDir, FILES.merchantPrivate), 'utf8'),
    merchantPublicPem: readFileSync(join(dataDir, FILES.merchantPublic), 'utf8'),
    portalToken: s.portal_token,
  };
}
