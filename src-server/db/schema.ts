/**
 * Row types of the server database, mirroring the migrations exactly.
 * Money columns are BIGINT fen (read back as numbers by the pg type parser in database.ts).
 */
import type { Generated } from 'kysely';
import type { TenderKind } from '../../shared/journal/entries';

export interface MarketTable {
  id: string;
  name: string;
  time_zone: string;
  day_cutoff_hour: number;
}
export interface StallTable {
  id: string;
  market_id: string;
  name: string;
  sub_mchid: string | null;
  settlement_account: string | null;
  config_version: Generated<number>;
  rounding: Generated<string>;
  refund_manager_limit_fen: Generated<number>;
  allow_price_override: Generated<number>;
  price_override_floor_pct: Generated<number>;
  receipt_header: string | null;
  receipt_footer: Generated<string | null>;
  stall_no: string | null;
  stall_phone: string | null;
  code_pay_timeout_s: number | null;
}
export interface CashierTable {
  id: string;
  stall_id: string;
  name: string;
  role: 'cashier' | 'manager';
  pin_hash: string;
  active: number;
  created_ms: number;
}
export interface ProductTable {
  id: string;
  stall_id: string;
  code: string;
  name: string;
  unit: string;
  unit_price_fen: number;
  category: string;
  ean: Generated<string | null>;
  /** pinyin initials of the name, derived on every write (shared/pinyin.ts) */
  pinyin: Generated<string>;
}
export interface TerminalTable {
  id: string;
  stall_id: string;
  name: string;
  public_key_pem: string | null;
  status: 'pending' | 'active' | 'revoked';
  created_ms: number;
  /** its first configuration pull: until then its enrolment is half done */
  configured_ms: number | null;
}
export interface PairingCodeTable {
  code: string;
  terminal_id: string;
  expires_ms: number;
  /** when it was used to enrol; 0 when it died unused (the terminal revoked or its enrolment cancelled) */
  used_ms: number | null;
  /** the address it was used from */
  used_from: string | null;
}
export interface StaffUserTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'admin' | 'finance' | 'stall_owner';
  stall_id: string | null;
}
export interface RequestNonceTable {
  terminal_id: string;
  nonce: string;
  seen_ms: number;
}
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
export interface SyncFlagTable {
  id: string;
  terminal_id: string;
  seq: number;
  kind: string;
  detail: string;
  created_ms: number;
}
export interface SaleTable {
  id: string;
  terminal_id: string;
  stall_id: string;
  receipt_no: string;
  business_day: string;
  total_fen: number;
  cashier: string;
  at_ms: number;
  received_ms: number;
  status: Generated<string>;
  discount_fen: Generated<number>;
  rounding_fen: Generated<number>;
  shift_id: string | null;
}
export interface SaleLineTable {
  sale_id: string;
  line_no: number;
  product_id: string;
  name: string;
  unit: string;
  quantity: number;
  unit_price_fen: number;
  amount_fen: number;
}
export interface SaleTenderTable {
  sale_id: string;
  tender_no: number;
  kind: TenderKind;
  amount_fen: number;
  tendered_fen: number;
  change_fen: number;
  status: Generated<string>;
  buyer_id: string | null;
  external_ref: string | null;
  /** the wallet that paid (wechat, alipay, unionpay), when known */
  wallet: string | null;
  /** the institution's words for a failed, reversed or closed tender */
  reason: string | null;
}
export interface RefundTable {
  id: string;
  refund_no: string;
  sale_id: string;
  terminal_id: string;
  stall_id: string;
  business_day: string;
  cashier_id: string;
  approved_by: string | null;
  amount_fen: number;
  reason: string;
  at_ms: number;
}
export interface RefundTenderTable {
  refund_id: string;
  tender_no: number;
  kind: TenderKind;
  amount_fen: number;
}
export interface SaleVoidTable {
  id: string;
  terminal_id: string;
  stall_id: string;
  business_day: string;
  cashier_id: string;
  line_count: number;
  total_fen: number;
  reason: string;
  at_ms: number;
}
export interface ShiftTable {
  id: string;
  terminal_id: string;
  stall_id: string;
  cashier_id: string;
  business_day: string;
  float_fen: number;
  opened_ms: number;
  closed_ms: number | null;
  counted_fen: number | null;
  expected_fen: number | null;
  over_short_fen: number | null;
}
/** One Z report per terminal, business day and Z period (z_no: 2 for selling after the first close, …). */
export interface ZReportTable {
  terminal_id: string;
  business_day: string;
  z_no: Generated<number>;
  stall_id: string;
  cashier_id: string;
  report: string;
  closed_ms: number;
}

export interface StaffSessionTable {
  id_hash: string;
  staff_id: string;
  csrf_token: string;
  created_ms: number;
  expires_ms: number;
}
export interface LoginAttemptTable {
  id: string;
  username: string;
  ip: string;
  at_ms: number;
  ok: number;
}
export interface AuditLogTable {
  id: string;
  at_ms: number;
  staff_id: string | null;
  action: string;
  target: string | null;
  detail: string;
  ip: string;
}
export interface BuyerTable {
  id: string;
  stall_id: string;
  name: string;
  phone: string | null;
  credit_limit_fen: number;
  created_ms: number;
}
export interface FeeRuleTable {
  id: string;
  stall_id: string | null;
  kind: string;
  rate_bp: number;
  fixed_fen: number;
  updated_ms: number;
}
export interface LedgerAccountTable {
  id: string;
  chart_code: string;
  book: string;
  stall_id: string | null;
  buyer_id: string | null;
  created_ms: number;
}
export interface LedgerEntryTable {
  id: string;
  idem_key: string;
  txn_type: string;
  digest: string;
  business_day: string;
  stall_id: string | null;
  ref: string | null;
  created_ms: number;
}
export interface LedgerPostingTable {
  entry_id: string;
  posting_no: number;
  account_id: string;
  book: string;
  chart_code: string;
  amount_fen: number;
}
export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  run_after_ms: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until_ms: number | null;
  last_error: string | null;
  created_ms: number;
  finished_ms: number | null;
}
export interface JobRunTable {
  id: string;
  job_id: string;
  worker: string;
  started_ms: number;
  finished_ms: number;
  ok: number;
  error: string | null;
}

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
  staff_session: StaffSessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  buyer: BuyerTable;
  fee_rule: FeeRuleTable;
  ledger_account: LedgerAccountTable;
  ledger_entry: LedgerEntryTable;
  ledger_posting: LedgerPostingTable;
  job: JobTable;
  job_run: JobRunTable;
  refund: RefundTable;
  refund_tender: RefundTenderTable;
  sale_void: SaleVoidTable;
  shift: ShiftTable;
  z_report: ZReportTable;
  cashier: CashierTable;
}
