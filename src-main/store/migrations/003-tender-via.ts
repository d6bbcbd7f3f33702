/**
 * v3: a QR tender may be paid through the institution's B2B bank gateway
 * instead of a wallet (amounts above the code limits, shared/pay/qr-limits.ts).
 * NULL = the receipt QR, as before; 'gateway' = the printed link goes to the
 * bank page. A new nullable column, so existing rows need no rebuild.
 */
export const up = `
ALTER TABLE tender ADD COLUMN via TEXT CHECK (via IS NULL OR via = 'gateway');
`;
