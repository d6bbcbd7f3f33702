/** v1: settings, catalog, sales with lines and tenders, the journal (outbox), print jobs. Never edit once shipped. */
export const up = `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE product (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('jin','kg','piece')),
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  category TEXT NOT NULL
) STRICT;

CREATE TABLE sale (
  id TEXT PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  business_day TEXT NOT NULL,
  day_seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('completed')),
  total_fen INTEGER NOT NULL,
  cashier TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  UNIQUE (business_day, day_seq)
) STRICT;

CREATE TABLE sale_line (
  sale_id TEXT NOT NULL REFERENCES sale(id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_fen INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (sale_id, line_no)
) STRICT;

CREATE TABLE tender (
  sale_id TEXT NOT NULL REFERENCES sale(id),
  tender_no INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash')),
  amount_fen INTEGER NOT NULL,
  tendered_fen INTEGER NOT NULL,
  change_fen INTEGER NOT NULL CHECK (change_fen >= 0),
  PRIMARY KEY (sale_id, tender_no)
) STRICT;

CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TABLE print_job (
  id TEXT PRIMARY KEY,
  sale_id TEXT REFERENCES sale(id),
  document TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued','printing','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX print_job_state ON print_job(state, created_ms);
`;
