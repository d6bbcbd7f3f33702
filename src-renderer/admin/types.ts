/** The answers of the staff web API, as the screens read them (the server's zod schemas are the source). */
import type { Takings } from '../../shared/sales/takings';

export interface DashboardData {
  business_day: string;
  total_fen: number;
  sales: number;
  stalls: { stall_id: string; name: string; sales: number; total_fen: number }[];
  terminal_totals: { terminal_id: string; stall_id: string; sales: number; total_fen: number }[];
  by_tender: Record<string, number>;
  by_wallet: Record<string, number>;
  takings: Takings;
  hourly: { hour: number; sales: number; total_fen: number }[];
  terminals: { id: string; stall_id: string; name: string; status: string; last_seen_ms: number | null; online: boolean; sync_lag_ms: number | null }[];
  unpaid_qr: { count: number; amount_fen: number };
  receivables: { buyer_id: string; stall_id: string; name: string; owed_fen: number }[];
  receivables_total_fen: number;
}

export interface DayData {
  business_day: string;
  stalls: {
    stall_id: string;
    name: string;
    terminals: { terminal_id: string; name: string; server: { sales_count: number; gross_fen: number; refunds_count: number; refunds_fen: number; paid_fen: number; receivable_fen: number }; z_report: { sales_count: number | null; gross_fen: number | null } | null; differences: string[] }[];
    confirmation: { confirmed_by: string; confirmed_by_name: string; confirmed_ms: number; note: string } | null;
  }[];
}

export interface ReconItem {
  id: string;
  bill_date: string;
  kind: string;
  record: string;
  out_trade_no: string;
  out_refund_no: string | null;
  stall_id: string | null;
  inst_amount_fen: number | null;
  plat_amount_fen: number | null;
  inst_state: string | null;
  plat_state: string | null;
  cause: string;
  suggestion: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_by_name?: string | null;
  note: string | null;
}

export interface ReconDay {
  bill_date: string;
  run: { state: string; rows: number; matched: number; differences: number; auto_resolved: number; error: string | null } | null;
  open: number;
  resolved: number;
  reconciled: boolean;
  items: ReconItem[];
}

export interface SettlementRow {
  stall_id: string;
  name: string;
  sub_mchid: string | null;
  payments: number;
  gross_fen: number;
  refund_fen: number;
  channel_fee_fen: number;
  market_fee_fen: number;
  net_fen: number;
  inst_gross_fen: number | null;
  inst_net_fen: number | null;
}
