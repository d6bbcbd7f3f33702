/**
 * An in-memory core for the renderer's component tests: the contract's
 * methods the screens use, with the real pricing (shared/sales/cart) and the
 * core's refusals (credit limit, manager PIN). The real core is exercised by
 * the Chromium tests in test/ui; this one only has to answer like it.
 */
import type { CoreApi } from '../../shared/contract/api';
import type { DeviceConfig, DeviceStatus } from '../../shared/contract/devices';
import type { Envelope, ErrorCode } from '../../shared/contract/envelope';
import type { CoreEvents, MethodName, MethodOutput, Product } from '../../shared/contract/methods';
import { codeLimitDecision } from '../../shared/pay/qr-limits';
import { priceSale } from '../../shared/sales/cart';

export const PRODUCTS: Product[] = [
  { id: 'P1', code: 'V001', name: '大白菜', unit: 'jin', unit_price_fen: 120, category: '叶菜' },
  { id: 'P2', code: 'V003', name: '西红柿', unit: 'kg', unit_price_fen: 640, category: '茄果' },
  {
    id: 'P3',
    code: '6901234567892',
    name: '蒜头（网袋）',
    unit: 'piece',
    unit_price_fen: 1500,
    category: '葱蒜',
  },
];

type Out<M extends MethodName> = MethodOutput<M>;

const DEVICES_READY: DeviceStatus = {
  printer: { state: 'none', message: null, queued: 0 },
  scanner: { state: 'ready', message: null, last_scan_ms: null },
  scale: { state: 'ready', message: null, weight: { state: 'no_data' } },
};
type Handler = (input: never) => unknown;

export interface FakeCore {
  api: CoreApi;
  calls: { method: string; input: unknown }[];
  emit<E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]): void;
  state: {
    cashier: Out<'session-info'>['cashier'];
    status: Out<'status-get'>;
    tenders: Map<string, Out<'sale-detail'>['tenders']>;
    display: Out<'display-get'>;
    /** the next sale-complete commits but its answer is lost (the core died between commit and answer) */
    loseNextAnswer: boolean;
    deviceConfig: DeviceConfig;
    /** payment-query finds the sale's pending tenders paid at the institution */
    paidOnQuery: boolean;
  };
}

const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

export function fakeCore(): FakeCore {
  const calls: FakeCore['calls'] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const state: FakeCore['state'] = {
    cashier: null,
    status: {
      online: true,
      sync: { queue_depth: 0, oldest_unsynced_age_ms: null, last_success_ms: null, last_error: null },
      printer: { state: 'ready', message: null },
    },
    // Each sale's tenders as sale-detail answers them; a test turns a pending one paid or failed here.
    tenders: new Map(),
    display: { seq: 0, at_ms: 0, view: { phase: 'idle' } },
    loseNextAnswer: false,
    deviceConfig: { printer: null, scanner: null, scale: null },
    paidOnQuery: false,
  };
  // Sales committed under a client's sale id, with their answer: the same id again answers it.
  const answers = new Map<string, Out<'sale-complete'>>();
  const buyers = [{ id: 'B1', name: '张老板饭店', credit_limit_fen: 50_000, balance_fen: 10_000 }];
  const sales: Out<'sales-recent'>['sales'] = [];
  let seq = 0;
  let current: Out<'current-sale-get'>['current'] = null;
  const handlers: Partial<Record<MethodName, Handler>> = {
    'session-info': () => ({
      terminal_id: 'T1',
      market_name: '城南市场',
      stall_name: '老王蔬菜',
      cashier: state.cashier,
      time_zone: 'Asia/Shanghai',
      rounding: 'none',
      allow_price_override: true,
      price_override_floor_pct: 0,
      refund_manager_limit_fen: 5000,
    }),
    'catalog-list': () => ({ products: PRODUCTS }),
    'status-get': () => state.status,
    'cashier-signin': ({ pin }: { pin: string }) => {
      if (pin !== '1234' && pin !== '8888') return fail('wrong_pin', 'no cashier has that PIN');
      state.cashier =
        pin === '8888'
          ? { id: 'M', name: '店长', role: 'manager' }
          : { id: 'C', name: '收银员', role: 'cashier' };
      return state.cashier;
    },
    'cashier-signout': () => ((state.cashier = null), { unsynced: 0, approved_by: null }),
    'buyers-list': () => ({ buyers }),
    'sale-complete': (input: {
      sale_id?: string;
      lines: { product_id: string; entry: never; discount_fen?: number }[];
      tenders: {
        kind: 'cash' | 'qr' | 'payment_code' | 'account';
        tendered_fen?: number;
        amount_fen?: number;
        buyer_id?: string;
        via?: string;
      }[];
    }) => {
      const priced = priceSale(
        input.lines.map((l) => ({
          product: PRODUCTS.find((p) => p.id === l.product_id) ?? PRODUCTS[0]!,
          entry: l.entry,
          discount_fen: l.discount_fen ?? 0,
        })),
        0,
        'none',
      );
      const nonCash = input.tenders.reduce((a, t) => a + (t.amount_fen ?? 0), 0);
      for (const t of input.tenders) {
        const b = buyers.find((x) => x.id === t.buyer_id);
        if (t.kind === 'account' && b && (t.amount_fen ?? 0) > b.credit_limit_fen - b.balance_fen)
          return fail('credit_limit_exceeded', 'over the limit');
        const limit =
          (t.kind === 'qr' && t.via !== 'gateway') || t.kind === 'payment_code'
            ? codeLimitDecision(t.amount_fen ?? 1, t.kind)
            : null;
        if (limit && !limit.allowed) return fail('qr_limit_exceeded', limit.reason_en);
      }
      const again = input.sale_id ? answers.get(input.sale_id) : undefined;
      if (again) return again;
      const cash = input.tenders.find((t) => t.kind === 'cash');
      const id = input.sale_id ?? `S${++seq}`;
      if (input.sale_id) ++seq;
      const pending = input.tenders.some((t) => t.kind === 'qr' || t.kind === 'payment_code');
      state.tenders.set(
        id,
        input.tenders.map((t, i): Out<'sale-detail'>['tenders'][number] => {
          const amount = t.kind === 'cash' ? priced.total_fen - nonCash : (t.amount_fen ?? 0);
          const waits = t.kind === 'qr' || t.kind === 'payment_code';
          return {
            tender_no: i + 1,
            kind: t.kind,
            amount_fen: amount,
            tendered_fen: t.tendered_fen ?? amount,
            change_fen: t.kind === 'cash' ? (t.tendered_fen ?? 0) - amount : 0,
            status: waits ? 'pending' : 'paid',
            buyer_id: t.buyer_id ?? null,
            via: t.via === 'gateway' ? 'gateway' : null,
            txn_id: null,
            reason_zh: null,
            deadline_ms: null,
          };
        }),
      );
      sales.unshift({
        id,
        receipt_no: `T1-20261125-000${seq}`,
        business_day: '20261125',
        status: pending ? 'pending' : 'completed',
        total_fen: priced.total_fen,
        created_ms: Date.now(),
        refunded_fen: 0,
        owed_fen: 0,
      });
      const answer: Out<'sale-complete'> = {
        sale_id: id,
        receipt_no: `T1-20261125-000${seq}`,
        pay_url: null,
        status: pending ? 'pending' : 'completed',
        total_fen: priced.total_fen,
        change_fen: cash ? (cash.tendered_fen ?? 0) - (priced.total_fen - nonCash) : 0,
        printed: state.status.printer.state !== 'error',
        print_error: state.status.printer.message,
      };
      if (input.sale_id) answers.set(input.sale_id, answer);
      current = null;
      if (state.loseNextAnswer) {
        state.loseNextAnswer = false;
        return fail('internal', "the till's core is not answering: TypeError: fetch failed");
      }
      return answer;
    },
    'sales-recent': () => ({ sales }),
    'sale-detail': ({ sale_id }: { sale_id: string }) => {
      const s = sales.find((x) => x.id === sale_id);
      if (!s) return fail('not_found', 'no sale');
      return {
        sale: { ...s, subtotal_fen: s.total_fen, discount_fen: 0, rounding_fen: 0, cashier_id: 'C' },
        lines: [],
        tenders: state.tenders.get(s.id) ?? [],
        refunded_fen: s.refunded_fen,
        pay_url: null,
        receipt_text: `小票 ${s.receipt_no}`,
      };
    },
    'refund-preview': ({ sale_id }: { sale_id: string }) => {
      const s = sales.find((x) => x.id === sale_id);
      if (!s) return fail('not_found', 'no sale');
      return {
        amount_fen: s.total_fen - s.refunded_fen,
        whole: s.refunded_fen === 0,
        needs_manager: s.total_fen > 5000 && state.cashier?.role !== 'manager',
        lines: [],
        tenders: [{ tender_no: 1, kind: 'cash', amount_fen: s.total_fen - s.refunded_fen }],
      };
    },
    'refund-create': ({ sale_id, manager_pin }: { sale_id: string; manager_pin?: string }) => {
      const s = sales.find((x) => x.id === sale_id);
      if (!s) return fail('not_found', 'no sale');
      if (s.total_fen > 5000 && state.cashier?.role !== 'manager') {
        if (manager_pin === undefined) return fail('manager_required', 'needs a manager');
        if (manager_pin !== '8888') return fail('wrong_pin', 'not a manager');
      }
      s.refunded_fen = s.total_fen;
      return {
        refund_id: 'R1',
        refund_no: 'R-0001',
        amount_fen: s.total_fen,
        tenders: [{ tender_no: 1, kind: 'cash', amount_fen: s.total_fen }],
      };
    },
    'parked-list': () => ({ parked: [] }),
    // The sale in progress, kept as the core keeps it; sales here are committed by sale-complete only.
    'current-sale-set': (sale: Out<'current-sale-get'>['current'] & object) => {
      current = sale.lines.length > 0 ? { ...sale, updated_ms: Date.now() } : null;
      return { sale_id: sale.sale_id, total_fen: 0 };
    },
    'current-sale-get': ({ sale_id }: { sale_id?: string }) => {
      return { current, committed: sales.find((s) => s.id === sale_id) ?? null };
    },
    'sale-void': () => ({ void_id: 'V1' }),
    'display-show': (s: Out<'display-get'>) => ((state.display = s), {}),
    'display-get': () => state.display,
    // Devices: the saved settings and one serial port; a test passes on that port only.
    'devices-ports': () => ({
      ports: [
        {
          path: '/dev/ttyUSB0',
          kind: 'serial',
          manufacturer: 'Prolific',
          vendor_id: '067b',
          product_id: '2303',
        },
      ],
      error: null,
    }),
    'devices-config-get': () => state.deviceConfig,
    'devices-config-set': (config: DeviceConfig) => ((state.deviceConfig = config), DEVICES_READY),
    'devices-test': ({ device, config }: { device: string; config: { path?: string; address?: string } }) =>
      config.path === '/dev/ttyUSB0' || config.address === 'serial:/dev/ttyUSB0'
        ? { ok: true, message: `${device} answers on /dev/ttyUSB0` }
        : { ok: false, message: `cannot open ${config.path ?? config.address}: no such port` },
    'scale-zero': () => ({ ok: true }),
    'scale-tare': () => ({ ok: true }),
    // The institution's answer: the sale's pending tenders as a test set them in state.paidOnQuery.
    'payment-query': ({ sale_id }: { sale_id: string }) => {
      const tenders = (state.tenders.get(sale_id) ?? []).map((x) =>
        x.status === 'pending' && state.paidOnQuery ? { ...x, status: 'paid' as const, txn_id: 'W1' } : x,
      );
      state.tenders.set(sale_id, tenders);
      const s = sales.find((x) => x.id === sale_id);
      if (s && tenders.every((x) => x.status === 'paid')) s.status = 'completed';
      return { tenders };
    },
  };
  const api: Record<string, unknown> = {
    subscribe: (event: string, l: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l);
      return () => set.delete(l);
    },
  };
  for (const [name, h] of Object.entries(handlers)) {
    api[name] = async (input: never) => {
      calls.push({ method: name, input });
      const v = (h as Handler)(input);
      // An envelope's refusal carries an error; an answer may have its own ok (devices-test).
      const refused = v !== null && typeof v === 'object' && 'ok' in v && v.ok === false && 'error' in v;
      return refused ? v : { ok: true, value: v };
    };
  }
  return {
    api: api as CoreApi,
    calls,
    state,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}
