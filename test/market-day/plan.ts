/**
 * The market day's plan, made from the seed alone (so a run is replayed by its seed): for every stall the
 * sales its cashiers ring up, at market times over the trading day, and the faults the day meets.
 * The plan says what the cashier and the buyer do; what then happens is for the real parts to decide.
 */
import type { DayConfig } from './env';
import { Rng } from './rng';

export const TRADING_DAY_MS = 12 * 3_600_000;
export const MINUTE_MS = 60_000;
/** Every stall sells these (codes as the office enters them); the last one makes a big sale that needs the buyer's password. */
export const CATALOG = [
  { code: 'V001', name: '大白菜', unit: 'jin', unit_price_fen: 120, category: '叶菜' },
  { code: 'V003', name: '西红柿', unit: 'kg', unit_price_fen: 640, category: '茄果' },
  { code: 'V006', name: '蒜头（网袋）', unit: 'piece', unit_price_fen: 1_500, category: '葱蒜' },
  { code: 'W001', name: '整件批发（件）', unit: 'piece', unit_price_fen: 120_000, category: '批发' },
] as const;
export type ProductCode = (typeof CATALOG)[number]['code'];
/** 3 × 1,200 元: at or above the institution's 3,000 元 a payment code waits for the buyer's password. */
export const BIG_SALE_PIECES = 3;
/** what a buyer on account may owe at each stall */
export const CREDIT_LIMIT_FEN = 50_000;

export type Wallet = 'WECHAT' | 'ALIPAY' | 'UNIONPAY';
export type PlanLine = {
  code: ProductCode;
  entry: { kind: 'weight'; gross_g: number; tare_g: number } | { kind: 'count'; count: number };
};

/** What the cashier and the buyer do with one sale. */
export type SaleKind =
  | 'cash'
  /** the buyer scans the receipt QR and pays at once / some market minutes later / never */
  | 'qr_paid'
  | 'qr_late'
  | 'qr_never'
  /** the buyer's payment code: paid at once; a big sale waiting for the password, typed; a code already used (expired); the password never typed, so the server reverses */
  | 'code_paid'
  | 'code_password'
  | 'code_expired'
  | 'code_abandoned'
  /** on account within the buyer's limit; beyond it (refused, then paid in cash) */
  | 'account'
  | 'account_over'
  /** parked while the buyer fetches more, resumed and paid in cash */
  | 'parked'
  /** rung up and voided before payment */
  | 'void';

export const SALE_MIX: Readonly<Record<SaleKind, number>> = {
  cash: 36,
  qr_paid: 16,
  qr_late: 4,
  qr_never: 2,
  code_paid: 14,
  code_password: 2,
  code_expired: 2,
  code_abandoned: 2,
  account: 8,
  account_over: 2,
  parked: 3,
  void: 2,
};

export interface PlannedSale {
  n: number;
  at_ms: number;
  kind: SaleKind;
  wallet: Wallet;
  lines: PlanLine[];
  /** qr_late: how long after the sale the buyer pays */
  pay_after_ms: number;
  /** after this sale the cashier refunds part or all of an earlier paid sale of this stall */
  refund: { pick: number; full: boolean } | null;
}

export interface StallPlan {
  index: number;
  sales: PlannedSale[];
  /** the cashier hands over to the manager at this market time */
  shift_change_ms: number;
  printer: boolean;
  paper_out: { from_ms: number; to_ms: number }[];
}

export type FaultEvent =
  | { at_ms: number; kind: 'network_down'; group: number; for_ms: number }
  | { at_ms: number; kind: 'server_restart'; signal: 'SIGTERM' | 'SIGKILL' }
  | { at_ms: number; kind: 'lost_notification' | 'duplicate_notification'; count: number };

export interface DayPlan {
  stalls: StallPlan[];
  faults: FaultEvent[];
  groups: number;
}

/** Tills share a network (a fault proxy) in groups of this many stalls. */
export const STALLS_PER_GROUP = 5;
/** Every this-many-th stall has a receipt printer (the printer emulator); the others print nothing. */
export const PRINTER_EVERY = 4;

function lines(rng: Rng, kind: SaleKind): PlanLine[] {
  if (kind === 'code_password' || kind === 'code_abandoned')
    return [{ code: 'W001', entry: { kind: 'count', count: BIG_SALE_PIECES } }];
  const out: PlanLine[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const code = rng.pick(['V001', 'V003', 'V006'] as const);
    out.push(
      code === 'V006'
        ? { code, entry: { kind: 'count', count: rng.int(1, 6) } }
        : {
            code,
            entry: { kind: 'weight', gross_g: rng.int(300, 20_000), tare_g: rng.pick([0, 0, 50, 120]) },
          },
    );
  }
  // Beyond the limit: a big order on account.
  if (kind === 'account_over') out.push({ code: 'V006', entry: { kind: 'count', count: 40 } });
  return out;
}

export function makePlan(c: DayConfig): DayPlan {
  const rng = new Rng(c.seed);
  const groups = Math.ceil(c.stalls / STALLS_PER_GROUP);
  const stalls: StallPlan[] = Array.from({ length: c.stalls }, (_, index) => ({
    index,
    sales: [],
    shift_change_ms: Math.round(TRADING_DAY_MS * (0.4 + 0.2 * rng.next())),
    printer: index % PRINTER_EVERY === 0,
    paper_out: [],
  }));
  for (let n = 0; n < c.sales; n++) {
    const stall = stalls[n < c.stalls ? n : rng.int(0, c.stalls - 1)];
    if (!stall) throw new Error('no stall');
    const kind = rng.weighted(SALE_MIX);
    const r = rng.next();
    stall.sales.push({
      n,
      at_ms: Math.floor(rng.next() * TRADING_DAY_MS),
      kind,
      wallet: rng.pick(['WECHAT', 'ALIPAY', 'UNIONPAY'] as const),
      lines: lines(rng, kind),
      pay_after_ms: rng.int(2, 60) * MINUTE_MS,
      refund:
        r < 0.04
          ? { pick: rng.int(0, 1_000_000), full: false }
          : r < 0.06
            ? { pick: rng.int(0, 1_000_000), full: true }
            : null,
    });
  }
  for (const s of stalls) {
    s.sales.sort((a, b) => a.at_ms - b.at_ms || a.n - b.n);
    if (s.printer) {
      const from = rng.int(1, 11 * 60) * MINUTE_MS;
      s.paper_out.push({ from_ms: from, to_ms: from + rng.int(5, 20) * MINUTE_MS });
    }
  }
  const faults: FaultEvent[] = [];
  for (let g = 0; g < groups; g++) {
    for (let k = rng.int(1, 2); k > 0; k--)
      faults.push({
        at_ms: rng.int(30, 11 * 60) * MINUTE_MS,
        kind: 'network_down',
        group: g,
        for_ms: rng.int(3, 15) * MINUTE_MS,
      });
  }
  faults.push({ at_ms: Math.round(TRADING_DAY_MS * 0.35), kind: 'server_restart', signal: 'SIGTERM' });
  faults.push({ at_ms: Math.round(TRADING_DAY_MS * 0.65), kind: 'server_restart', signal: 'SIGKILL' });
  for (let k = 0; k < 6; k++) {
    faults.push({
      at_ms: rng.int(20, 11 * 60) * MINUTE_MS,
      kind: k % 2 === 0 ? 'lost_notification' : 'duplicate_notification',
      count: rng.int(1, 3),
    });
  }
  faults.sort((a, b) => a.at_ms - b.at_ms);
  return { stalls, faults, groups };
}
