/**
 * v2: cashiers, shifts, buyers, price overrides, parked and voided sales,
 * refunds, day closes; sales gain discounts, rounding, pending tenders.
 * sale, sale_line and tender are rebuilt (SQLite cannot change a CHECK);
 * migrate() runs this with foreign keys off and checks them afterwards.
 */
export const up = `
CREATE TABLE cashier (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier','manager')),
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

CREATE TABLE buyer (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credit_limit_fen INTEGER NOT NULL CHECK (credit_limit_fen >= 0),
  balance_fen INTEGER NOT NULL,
  balance_as_of_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Local changes to buyers' balances, each tied to the journal entry that made it:
-- balance = server's balance as of its acked seq + deltas after that seq.
CREATE TABLE buyer_delta (
  buyer_id TEXT NOT NULL REFERENCES buyer(id),
  seq INTEGER NOT NULL,
  delta_fen INTEGER NOT NULL,
  PRIMARY KEY (buyer_id, seq)
) STRICT;

CREATE TABLE price_override (
  product_id TEXT PRIMARY KEY,
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  set_by TEXT NOT NULL,
  set_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE shift (
  id TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL,
  business_day TEXT NOT NULL,
  opened_ms INTEGER NOT NULL,
  float_fen INTEGER NOT NULL CHECK (float_fen >= 0),
  closed_ms INTEGER,
  counted_fen INTEGER,
  expected_fen INTEGER,
  over_short_fen INTEGER
) STRICT;
CREATE UNIQUE INDEX shift_one_open ON shift(cashier_id) WHERE closed_ms IS NULL;

CREATE TABLE parked_sale (
  id TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL,
  cart TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  parked_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE voided_sale (
  id TEXT PRIMARY KEY,
  business_day TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  reason TEXT NOT NULL,
  voided_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE sale_v2 (
  id TEXT PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  business_day TEXT NOT NULL,
  day_seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','completed')),
  subtotal_fen INTEGER NOT NULL,
  line_discount_fen INTEGER NOT NULL,
  sale_discount_fen INTEGER NOT NULL,
  rounding_fen INTEGER NOT NULL,
  total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
  cashier_id TEXT NOT NULL,
  shift_id TEXT,
  created_ms INTEGER NOT NULL,
  UNIQUE (business_day, day_seq),
  CHECK (subtotal_fen - line_discount_fen - sale_discount_fen + rounding_fen = total_fen)
) STRICT;
INSERT INTO sale_v2 SELECT id, receipt_no, business_day, day_seq, status, total_fen, 0, 0, 0, total_fen, cashier, NULL, created_ms FROM sale;

CREATE TABLE sale_line_v2 (
  sale_id TEXT NOT NULL REFERENCES sale(id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('jin','kg','piece')),
  kind TEXT NOT NULL CHECK (kind IN ('weight','count','amount')),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  tare_g INTEGER NOT NULL CHECK (tare_g >= 0),
  unit_price_fen INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  discount_fen INTEGER NOT NULL CHECK (discount_fen >= 0 AND discount_fen <= amount_fen),
  net_fen INTEGER NOT NULL,
  PRIMARY KEY (sale_id, line_no)
) STRICT;
INSERT INTO sale_line_v2 SELECT sale_id, line_no, product_id, name, unit, CASE unit WHEN 'piece' THEN 'count' ELSE 'weight' END, quantity, 0, unit_price_fen, amount_fen, 0, amount_fen FROM sale_line;

CREATE TABLE tender_v2 (
  sale_id TEXT NOT NULL REFERENCES sale(id),
  tender_no INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash','qr','payment_code','account')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  tendered_fen INTEGER NOT NULL,
  change_fen INTEGER NOT NULL CHECK (change_fen >= 0),
  status TEXT NOT NULL CHECK (status IN ('pending','paid','failed')),
  buyer_id TEXT,
  external_ref TEXT,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (sale_id, tender_no)
) STRICT;
INSERT INTO tender_v2 SELECT t.sale_id, t.tender_no, t.kind, t.amount_fen, t.tendered_fen, t.change_fen, 'paid', NULL, NULL, s.created_ms FROM tender t JOIN sale s ON s.id = t.sale_id;

DROP TABLE tender;
DROP TABLE sale_line;
DROP TABLE sale;
ALTER TABLE sale_v2 RENAME TO sale;
ALTER TABLE sale_line_v2 RENAME TO sale_line;
ALTER TABLE tender_v2 RENAME TO tender;
CREATE INDEX tender_pending ON tender(status) WHERE status = 'pending';

CREATE TABLE refund (
  id TEXT PRIMARY KEY,
  refund_no TEXT NOT NULL UNIQUE,
  sale_id TEXT NOT NULL REFERENCES sale(id),
  business_day TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  approved_by TEXT,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  reason TEXT NOT NULL,
  created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX refund_sale ON refund(sale_id);
CREATE INDEX refund_day ON refund(business_day);

CREATE TABLE refund_line (
  refund_id TEXT NOT NULL REFERENCES refund(id),
  line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  PRIMARY KEY (refund_id, line_no)
) STRICT;

CREATE TABLE refund_tender (
  refund_id TEXT NOT NULL REFERENCES refund(id),
  tender_no INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  PRIMARY KEY (refund_id, tender_no)
) STRICT;

CREATE TABLE day_close (
  business_day TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL,
  closed_ms INTEGER NOT NULL,
  z_report TEXT NOT NULL
) STRICT;
`;
