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
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNATURE_HEADERS } from '../../shared/api/headers';
import { signingString } from '../../shared/sync/signing';

const KEY_FILE = 'terminal-key.pem';

/** Written whole and on disk before anything is sent with it: a till killed or cut off mid-enrolment retries with the same key. */
function saveKeyDurably(dataDir: string, file: string, pem: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    // The rename itself is durable once the folder is synced (POSIX; Windows cannot open a folder).
    const dir = openSync(dataDir, 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    /* best effort where folders cannot be synced */
  }
}

export function loadOrCreateKey(dataDir: string): { privateKey: KeyObject; publicKeyPem: string } {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    saveKeyDurably(dataDir, file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
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
