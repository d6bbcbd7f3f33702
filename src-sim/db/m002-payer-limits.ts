/**
 * Schema 2: payer limits from 《条码支付业务规范》 (银发〔2017〕296号) — each
 * buyer's verification level for dynamic codes, and the stalls' printed
 * static codes (risk level D, 500 CNY per payer per day).
 */
export const M002_PAYER_LIMITS = `
ALTER TABLE buyers ADD COLUMN code_level TEXT NOT NULL DEFAULT 'B';
ALTER TABLE orders ADD COLUMN static_code TEXT;
CREATE TABLE static_codes (
  code TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, notify_url TEXT, description TEXT NOT NULL, created_at INTEGER NOT NULL
) STRICT;
`;
