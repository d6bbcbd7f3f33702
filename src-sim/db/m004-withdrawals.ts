/** Schema 4: withdrawals (提现) of a sub-merchant's available balance to its own card. */
export const M004_WITHDRAWALS = `
CREATE TABLE withdrawals (
  withdraw_id TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, out_request_no TEXT NOT NULL, amount_fen INTEGER NOT NULL,
  state TEXT NOT NULL, fail_reason TEXT, remark TEXT, notify_url TEXT, request_hash TEXT NOT NULL, created_at INTEGER NOT NULL, finished_at INTEGER,
  UNIQUE (sub_mchid, out_request_no)
) STRICT;
`;
