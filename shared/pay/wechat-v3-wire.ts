/**
 * WeChat Pay API v3 shapes that cross between the server (which calls the institution and hears its
 * notifications) and the simulator (which plays the institution): declared once, here, so the two sides
 * cannot drift. The server may not import the simulator, nor the simulator the server.
 */
import { z } from 'zod';

/**
 * A trade's state as the institution says it (query answers, notifications, the simulator's orders).
 * NOTPAY: created, buyer has not paid. USERPAYING: code pay waiting for the buyer's password. SUCCESS: paid.
 * REFUND: paid, then some refund accepted. CLOSED: merchant closed it unpaid. REVOKED: reversed (撤销) or
 * auto-revoked 45 s into USERPAYING. PAYERROR: the buyer's payment failed.
 */
export const TRADE_STATES = [
  'NOTPAY',
  'USERPAYING',
  'SUCCESS',
  'REFUND',
  'CLOSED',
  'REVOKED',
  'PAYERROR',
] as const;
export type TradeState = (typeof TRADE_STATES)[number];

/** A notification's encrypted resource (AEAD_AES_256_GCM with the API v3 key, 12-character nonce, tag appended). */
export const encryptedResourceSchema = z.object({
  original_type: z.string(),
  algorithm: z.string(),
  ciphertext: z.string().max(64_000),
  nonce: z.string().max(64),
  associated_data: z.string().max(64).optional(),
});
export type EncryptedResource = z.output<typeof encryptedResourceSchema>;
