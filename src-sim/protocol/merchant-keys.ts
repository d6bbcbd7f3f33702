import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimDb } from '../db/open';
import { SimError } from './errors';
import { FILES } from './keys';

const ID_RE = /^[0-9A-Za-z_]{1,64}$/;

/**
 * Merchant API public keys (the stand-in for uploading an API certificate in
 * the merchant portal). Registered through the portal endpoint, or dropped as
 * a file `merchant-keys/<mchid>/<serial_no>.pem` in the data directory.
 */
export function registerMerchantKey(
  db: SimDb,
  mchid: string,
  serialNo: string,
  pem: string,
  nowMs: number,
): void {
  if (!ID_RE.test(mchid) || !ID_RE.test(serialNo))
    throw new SimError('PARAM_ERROR', 'mchid / serial_no 格式错误');
  let bits: number | undefined;
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not rsa');
    bits = key.asymmetricKeyDetails?.modulusLength;
  } catch {
    throw new SimError('PARAM_ERROR', 'public_key 不是有效的 RSA 公钥 PEM');
  }
  if (bits === undefined || bits < 2048)
    throw new SimError('PARAM_ERROR', 'RSA key must be at least 2048 bits');
  db.prepare(
    `INSERT INTO merchant_keys (mchid, serial_no, public_key_pem, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(mchid, serial_no) DO UPDATE SET public_key_pem = excluded.public_key_pem`,
  ).run(mchid, serialNo, pem, nowMs);
}

export function lookupMerchantKey(
  db: SimDb,
  dataDir: string,
  mchid: string,
  serialNo: string,
  nowMs: number,
): string | undefined {
  const row = db
    .prepare('SELECT public_key_pem AS pem FROM merchant_keys WHERE mchid = ? AND serial_no = ?')
    .get(mchid, serialNo) as { pem: string } | undefined;
  if (row) return row.pem;
  if (!ID_RE.test(mchid) || !ID_RE.test(serialNo)) return undefined;
  const file = join(dataDir, FILES.merchantKeysDir, mchid, `${serialNo}.pem`);
  if (!existsSync(file)) return undefined;
  const pem = readFileSync(file, 'utf8');
  try {
    registerMerchantKey(db, mchid, serialNo, pem, nowMs);
  } catch {
    return undefined;
  }
  return pem;
}
