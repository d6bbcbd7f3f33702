/**
 * v4: tender outcomes (shared/sales/outcome.ts). A tender may end reversed
 * (revoked at the institution) or closed (closed unpaid) besides paid and
 * failed, and keeps the institution's reason, the wallet that paid and the
 * code-pay deadline; a sale may be voided while open; a business day may be
 * closed more than once (Z periods 1, 2, …: selling after a day close opens
 * the next period of the same day); each sale, refund and void records the
 * period it belongs to (set by a trigger, so every writer gets it right).
 */
export const up = `
CREATE TABLE sale_v4 (
  id TEXT PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  business_day TEXT NOT NULL,
  day_seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','completed','voided')),
  subtotal_fen INTEGER NOT NULL,
  line_discount_fen INTEGER NOT NULL,
  sale_discount_fen INTEGER NOT NULL,
  rounding_fen INTEGER NOT NULL,
  total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
  cashier_id TEXT NOT NULL,
  shift_id TEXT,
  created_ms INTEGER NOT NULL,
  z_no INTEGER NOT NULL DEFAULT 1,
  UNIQUE (business_day, day_seq),
  CHECK (subtotal_fen - line_discount_fen - sale_discount_fen + rounding_fen = total_fen)
) STRICT;
INSERT INTO sale_v4 SELECT *, 1 FROM sale;

CREATE TABLE tender_v4 (
  sale_id TEXT NOT NULL REFERENCES sale(id),
  tender_no INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash','qr','payment_code','account')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  tendered_fen INTEGER NOT NULL,
  change_fen INTEGER NOT NULL CHECK (change_fen >= 0),
  status TEXT NOT NULL CHECK (status IN ('pending','paid','failed','reversed','closed')),
  buyer_id TEXT,
  external_ref TEXT,
  updated_ms INTEGER NOT NULL,
  via TEXT CHECK (via IS NULL OR via = 'gateway'),
  reason TEXT,
  wallet TEXT CHECK (wallet IS NULL OR wallet IN ('wechat','alipay','unionpay')),
  deadline_ms INTEGER,
  PRIMARY KEY (sale_id, tender_no)
) STRICT;
INSERT INTO tender_v4 (sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen, status, buyer_id, external_ref, updated_ms, via)
  SELECT sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen, status, buyer_id, external_ref, updated_ms, via FROM tender;

CREATE TABLE day_close_v4 (
  business_day TEXT NOT NULL,
  z_no INTEGER NOT NULL CHECK (z_no >= 1),
  cashier_id TEXT NOT NULL,
  closed_ms INTEGER NOT NULL,
  z_report TEXT NOT NULL,
  PRIMARY KEY (business_day, z_no)
) STRICT;
INSERT INTO day_close_v4 SELECT business_day, 1, cashier_id, closed_ms, z_report FROM day_close;

DROP TABLE tender;
DROP TABLE sale;
DROP TABLE day_close;
ALTER TABLE sale_v4 RENAME TO sale;
ALTER TABLE tender_v4 RENAME TO tender;
ALTER TABLE day_close_v4 RENAME TO day_close;
CREATE INDEX tender_pending ON tender(status) WHERE status = 'pending';
CREATE INDEX sale_day ON sale(business_day, z_no);

ALTER TABLE refund ADD COLUMN z_no INTEGER NOT NULL DEFAULT 1;
ALTER TABLE voided_sale ADD COLUMN z_no INTEGER NOT NULL DEFAULT 1;
-- Each record belongs to the open Z period of its business day, whoever writes it.
CREATE TRIGGER sale_z_no AFTER INSERT ON sale BEGIN
  UPDATE sale SET z_no = (SELECT COUNT(*) + 1 FROM day_close WHERE business_day = NEW.business_day) WHERE id = NEW.id;
END;
CREATE TRIGGER refund_z_no AFTER INSERT ON refund BEGIN
  UPDATE refund SET z_no = (SELECT COUNT(*) + 1 FROM day_close WHERE business_day = NEW.business_day) WHERE id = NEW.id;
END;
CREATE TRIGGER voided_sale_z_no AFTER INSERT ON voided_sale BEGIN
  UPDATE voided_sale SET z_no = (SELECT COUNT(*) + 1 FROM day_close WHERE business_day = NEW.business_day) WHERE id = NEW.id;
END;
`;
