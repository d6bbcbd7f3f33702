/** Schema 1: every entity of the institution. Amounts are integer fen; times are epoch ms (sim clock). */
export const M001_INIT = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE merchant_keys (
  mchid TEXT NOT NULL, serial_no TEXT NOT NULL, public_key_pem TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY (mchid, serial_no)
) STRICT;

CREATE TABLE merchants (
  sub_mchid TEXT PRIMARY KEY, applyment_id TEXT NOT NULL UNIQUE, business_code TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL, merchant_name TEXT NOT NULL, legal_name TEXT NOT NULL,
  account_name TEXT NOT NULL, account_bank TEXT NOT NULL, account_number TEXT NOT NULL,
  max_ratio_bp INTEGER NOT NULL, fee_rate_bp INTEGER NOT NULL, reject_reason TEXT,
  notify_url TEXT, created_at INTEGER NOT NULL, decided_at INTEGER
) STRICT;

CREATE TABLE buyers (
  id TEXT PRIMARY KEY, channel TEXT NOT NULL, name TEXT NOT NULL, openid TEXT NOT NULL UNIQUE,
  password TEXT NOT NULL, created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE auth_codes (
  code TEXT PRIMARY KEY, buyer_id TEXT NOT NULL REFERENCES buyers(id), issued_at INTEGER NOT NULL, used_at INTEGER
) STRICT;

CREATE TABLE orders (
  transaction_id TEXT PRIMARY KEY, sp_mchid TEXT NOT NULL, sub_mchid TEXT NOT NULL, out_trade_no TEXT NOT NULL,
  trade_type TEXT NOT NULL, channel TEXT, state TEXT NOT NULL, state_desc TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL, attach TEXT, notify_url TEXT, amount_fen INTEGER NOT NULL, fee_fen INTEGER NOT NULL DEFAULT 0,
  refunded_fen INTEGER NOT NULL DEFAULT 0, profit_sharing INTEGER NOT NULL, buyer_id TEXT, time_expire INTEGER NOT NULL,
  pay_token TEXT UNIQUE, request_hash TEXT NOT NULL, created_at INTEGER NOT NULL, paid_at INTEGER, ended_at INTEGER,
  UNIQUE (sub_mchid, out_trade_no)
) STRICT;

CREATE TABLE refunds (
  refund_id TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, out_refund_no TEXT NOT NULL,
  transaction_id TEXT NOT NULL REFERENCES orders(transaction_id), amount_fen INTEGER NOT NULL, fee_fen INTEGER NOT NULL,
  state TEXT NOT NULL, reason TEXT, notify_url TEXT, request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, success_at INTEGER,
  UNIQUE (sub_mchid, out_refund_no)
) STRICT;

CREATE TABLE receivers (
  sub_mchid TEXT NOT NULL, type TEXT NOT NULL, account TEXT NOT NULL, name TEXT, relation_type TEXT NOT NULL,
  custom_relation TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (sub_mchid, type, account)
) STRICT;

CREATE TABLE share_orders (
  order_id TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, out_order_no TEXT NOT NULL,
  transaction_id TEXT NOT NULL REFERENCES orders(transaction_id), state TEXT NOT NULL, kind TEXT NOT NULL,
  request_hash TEXT NOT NULL, created_at INTEGER NOT NULL, finished_at INTEGER,
  UNIQUE (sub_mchid, out_order_no)
) STRICT;

CREATE TABLE share_receivers (
  order_id TEXT NOT NULL REFERENCES share_orders(order_id), seq INTEGER NOT NULL, type TEXT NOT NULL,
  account TEXT NOT NULL, amount_fen INTEGER NOT NULL, description TEXT NOT NULL, result TEXT NOT NULL,
  fail_reason TEXT, detail_id TEXT NOT NULL, finish_at INTEGER, PRIMARY KEY (order_id, seq)
) STRICT;

CREATE TABLE share_returns (
  return_id TEXT PRIMARY KEY, sub_mchid TEXT NOT NULL, out_return_no TEXT NOT NULL,
  order_id TEXT NOT NULL REFERENCES share_orders(order_id), return_mchid TEXT NOT NULL, amount_fen INTEGER NOT NULL,
  state TEXT NOT NULL, fail_reason TEXT, description TEXT NOT NULL, request_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, finished_at INTEGER, UNIQUE (sub_mchid, out_return_no)
) STRICT;

CREATE TABLE journal (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL
) STRICT;

CREATE TABLE postings (
  journal_id INTEGER NOT NULL REFERENCES journal(id), account TEXT NOT NULL, amount_fen INTEGER NOT NULL, at INTEGER NOT NULL
) STRICT;
CREATE INDEX postings_account ON postings (account, at);

CREATE TABLE payouts (
  id TEXT PRIMARY KEY, day TEXT NOT NULL, party TEXT NOT NULL, account TEXT NOT NULL, card_name TEXT NOT NULL,
  card_number TEXT NOT NULL, amount_fen INTEGER NOT NULL, at INTEGER NOT NULL
) STRICT;

CREATE TABLE settlement_days (day TEXT PRIMARY KEY, ran_at INTEGER NOT NULL) STRICT;

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL
) STRICT;
CREATE INDEX jobs_due ON jobs (due_at);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY, url TEXT NOT NULL, event_type TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, last_status INTEGER, created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX notifications_due ON notifications (state, next_at);

CREATE TABLE bills (
  bill_date TEXT NOT NULL, bill_type TEXT NOT NULL, sub_mchid TEXT NOT NULL, csv TEXT NOT NULL, sha1 TEXT NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY (bill_date, bill_type, sub_mchid)
) STRICT;

CREATE TABLE bill_tokens (
  token TEXT PRIMARY KEY, bill_date TEXT NOT NULL, bill_type TEXT NOT NULL, sub_mchid TEXT NOT NULL, expires_at INTEGER NOT NULL
) STRICT;
`;
