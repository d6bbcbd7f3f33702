/** Schema 5: direct-debit mandates (代扣授权) for rent, and their deductions. */
export const M005_MANDATES = `
CREATE TABLE mandates (
  mandate_id TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, out_contract_code TEXT NOT NULL, purpose TEXT NOT NULL,
  max_amount_fen INTEGER NOT NULL, period TEXT NOT NULL, max_per_period INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  state TEXT NOT NULL, sign_token TEXT NOT NULL UNIQUE, notify_url TEXT, request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, signed_at INTEGER, ended_at INTEGER,
  UNIQUE (sub_mchid, out_contract_code)
) STRICT;
CREATE TABLE deductions (
  deduct_id TEXT PRIMARY KEY, mandate_id TEXT NOT NULL REFERENCES mandates(mandate_id), out_deduct_no TEXT NOT NULL,
  amount_fen INTEGER NOT NULL, description TEXT NOT NULL, state TEXT NOT NULL, fail_reason TEXT, request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, finished_at INTEGER, UNIQUE (mandate_id, out_deduct_no)
) STRICT;
`;
