/**
 * Row types of the server database, mirroring the migrations exactly.
 * Money columns are BIGINT fen (read back as numbers by the pg type parser in database.ts).
 */

export interface MarketTable { id: string; name: string; time_zone: string; day_cutoff_hour: number }
export interface StallTable { id: string; market_id: string; name: string; sub_mchid: string | null; settlement_account: string | null }
export interface ProductTable { id: string; stall_id: string; code: string; name: string; unit: string; unit_price_fen: number; category: string }
export interface TerminalTable { id: string; stall_id: string; name: string; public_key_pem: string | null; status: 'pending' | 'active' | 'revoked'; created_ms: number }
export interface PairingCodeTable { code: string; terminal_id: string; expires_ms: number; used_ms: number | null }
export interface StaffUserTable { id: string; username: string; password_hash: string; role: 'admin' | 'finance' | 'stall_owner'; stall_id: string | null }
export interface RequestNonceTable { terminal_id: string; nonce: string; seen_ms: number }
export interface JournalEntryTable {
  terminal_id: string;
  seq: number;
  id: string;
  type: string;
  at_ms: number;
  payload: string;
  prev_hash: string;
  hash: string;
  received_ms: number;
  flag: string | null;
}
export interface SyncFlagTable { id: string; terminal_id: string; seq: number; kind: string; detail: string; created_ms: number }
export interface SaleTable { id: string; terminal_id: string; stall_id: string; receipt_no: string; business_day: string; total_fen: number; cashier: string; at_ms: number; received_ms: number }
export interface SaleLineTable { sale_id: string; line_no: number; product_id: string; name: string; unit: string; quantity: number; unit_price_fen: number; amount_fen: number }
export interface SaleTenderTable { sale_id: string; tender_no: number; kind: string; amount_fen: number; tendered_fen: number; change_fen: number }

export interface ServerSchema {
  market: MarketTable;
  stall: StallTable;
  product: ProductTable;
  terminal: TerminalTable;
  pairing_code: PairingCodeTable;
  staff_user: StaffUserTable;
  request_nonce: RequestNonceTable;
  journal_entry: JournalEntryTable;
  sync_flag: SyncFlagTable;
  sale: SaleTable;
  sale_line: SaleLineTable;
  sale_tender: SaleTenderTable;
}
