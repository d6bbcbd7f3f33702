import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { EncryptedResource } from '../../shared/pay/wechat-v3-wire';

const TAG_BYTES = 16;

export function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('the API v3 key must be 32 bytes');
  return key;
}

/** WeChat's notification resource: AEAD_AES_256_GCM, key = API v3 key (32 bytes), 12-byte nonce, tag appended. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  originalType: string,
): EncryptedResource {
  // WeChat's nonces are 12 printable characters; the bytes of that string are the GCM IV.
  const nonce = randomBytes(9).toString('base64');
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: body.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: originalType,
  };
}

/** Throws when the tag does not verify (wrong key, altered ciphertext, nonce or associated data). */
export function decryptResource(
  r: { ciphertext: string; nonce: string; associated_data?: string | null },
  apiV3Key: string,
): string {
  const data = Buffer.from(r.ciphertext, 'base64');
  if (data.length < TAG_BYTES) throw new RangeError('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(r.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(data.subarray(0, data.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
