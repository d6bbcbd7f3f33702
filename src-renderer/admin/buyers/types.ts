/** Buyers as the staff API answers them (src-server/buyers/routes.ts). */
export interface BuyerRow {
  id: string;
  stall_id: string;
  name: string;
  phone: string | null;
  credit_limit_fen: number;
  owed_fen: number;
  owed_since: string | null;
  over_limit: boolean;
}

export interface StatementData {
  buyer: BuyerRow;
  from: string;
  to: string;
  opening_fen: number;
  charged_fen: number;
  repaid_fen: number;
  closing_fen: number;
  lines: { business_day: string; created_ms: number; txn_type: string; ref: string | null; amount_fen: number; balance_fen: number }[];
}
