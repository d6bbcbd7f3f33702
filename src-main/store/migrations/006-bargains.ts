/**
 * v6: bargains at the till (议价 on a line, ad-hoc 抹零 off a sale). The product-wide price override
 * of v2 goes: a bargained price belongs to one line of one sale, approved by price-override with who
 * did it, who allowed it and why, and taken by the sale that uses it (sale_id, line_no; 0 for 抹零).
 */
export const up = `
DROP TABLE price_override;

CREATE TABLE bargain (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('line','round_off')),
  product_id TEXT,
  -- the line's entry as approved (JSON), so a changed quantity needs a new approval
  entry TEXT,
  list_price_fen INTEGER CHECK (list_price_fen >= 0),
  unit_price_fen INTEGER CHECK (unit_price_fen >= 0),
  -- a round-off: the total it was approved against
  total_before_fen INTEGER CHECK (total_before_fen > 0),
  cut_fen INTEGER NOT NULL CHECK (cut_fen >= 0),
  reason TEXT NOT NULL,
  cashier_id TEXT NOT NULL,
  approved_by TEXT,
  created_ms INTEGER NOT NULL,
  sale_id TEXT,
  line_no INTEGER,
  CHECK ((kind = 'line') = (product_id IS NOT NULL AND entry IS NOT NULL AND unit_price_fen IS NOT NULL)),
  CHECK ((kind = 'round_off') = (total_before_fen IS NOT NULL))
) STRICT;
CREATE INDEX bargain_sale ON bargain (sale_id) WHERE sale_id IS NOT NULL;
`;
