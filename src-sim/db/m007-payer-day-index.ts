/**
 * Schema 7: a payer's payments by time. Every code/QR payment checks the payer's total for the day
 * (buyers/limits.ts), which scanned every order the simulator ever took.
 */
export const M007_PAYER_DAY_INDEX = `
CREATE INDEX orders_buyer_paid ON orders (buyer_id, paid_at);
`;
