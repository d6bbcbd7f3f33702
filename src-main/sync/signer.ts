/** The terminal's Ed25519 key, kept owner-only in its data folder, and request signing. */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNATURE_HEADERS } from '../../shared/api/headers';
import { signingString } from '../../shared/sync/signing';

const KEY_FILE = 'terminal-key.pem';

export function loadOrCreateKey(dataDir: string): { privateKey: KeyObject; publicKeyPem: string } {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem };
}

export function signRequest(
  privateKey: KeyObject,
  terminalId: string,
  method: string,
  path: string,
  body: string,
  nowMs: number,
): Record<string, string> {
  const nonce = randomBytes(12).toString('hex');
  const digest = createHash('sha256').update(body).digest('hex');
  const sig = sign(null, Buffer.from(signingString(method, path, nowMs, nonce, digest)), privateKey).toString(
    'base64',
  );
  return {
    [SIGNATURE_HEADERS.terminal]: terminalId,
    [SIGNATURE_HEADERS.timestamp]: String(nowMs),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: sig,
  };
}
