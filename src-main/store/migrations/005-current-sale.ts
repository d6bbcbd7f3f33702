/**
 * v5: the sale in progress lives in the core (src-main/sales/current-sale.ts): its cart, its buyer and the
 * client-made sale id it will be completed under, so a reload of the till page or a restart of the window
 * resumes it. At most one row (the till rings one sale at a time). Parked sales (挂单) take a label — a
 * name, a plate number — and keep the buyer, so two parked trucks can be told apart.
 */
export const up = `
CREATE TABLE current_sale (
  sale_id TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL,
  cart TEXT NOT NULL,
  buyer_id TEXT,
  opened_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
ALTER TABLE parked_sale ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE parked_sale ADD COLUMN buyer_id TEXT;
`;
