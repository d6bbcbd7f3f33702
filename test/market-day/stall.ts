/**
 * One stall at the market day: its till core (own SQLite file, real sync through its group's fault proxy),
 * a receipt printer emulator on some stalls, and the harness's own record of what its cashiers did.
 */
import { join } from 'node:path';
import { startCore, type Core } from '../../src-main/core';
import { priceSale, type CartLine, type PricedProduct } from '../../shared/sales/cart';
import type { RoundingMode } from '../../shared/sales/rounding';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import type { StallSetup } from './market';
import type { PlanLine, ProductCode, StallPlan } from './plan';

export const CASHIER_PIN = '1234';
export const MANAGER_PIN = '8888';
export const FLOAT_FEN = 20_000;

/** What the harness itself saw happen at the till (its own books, beside the parts' books). */
export interface StallBook {
  sales: number;
  gross_fen: number;
  refunds: number;
  refunds_fen: number;
  voids: number;
  voids_fen: number;
  parked: number;
  /** tenders the till refused and the cashier then took in cash: offline payment code, over the credit limit */
  fell_back_to_cash: number;
  /** failed payment codes retried with a fresh code on the same sale */
  code_retries: number;
  shift_changes: number;
  by_kind: Record<string, number>;
  /** what the till answered that it should not have (each is a failed check) */
  errors: string[];
}

export interface Stall {
  setup: StallSetup;
  plan: StallPlan;
  core: Core;
  dir: string;
  printer: PrinterEmulator | null;
  rounding: RoundingMode;
  products: Map<ProductCode, PricedProduct>;
  /** sales whose every tender the till knows paid, refundable once each */
  refundable: string[];
  book: StallBook;
}

export async function startStall(
  setup: StallSetup,
  plan: StallPlan,
  serverUrl: string,
  root: string,
): Promise<Stall> {
  const printer = plan.printer ? await startPrinterEmulator() : null;
  const dir = join(root, `till-${String(setup.index + 1).padStart(3, '0')}`);
  const core = await startCore({
    dataDir: dir,
    serverUrl,
    pairingCode: setup.pairing_code,
    devices: {
      printer: printer ? { address: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-58' } : null,
      scanner: null,
      scale: null,
    },
  });
  await core.handlers['cashier-signin']({ pin: CASHIER_PIN });
  await core.handlers['shift-open']({ float_fen: FLOAT_FEN });
  const catalog = await core.handlers['catalog-list']({});
  const info = await core.handlers['session-info']({});
  const products = new Map<ProductCode, PricedProduct>();
  for (const p of catalog.products) if (p.code) products.set(p.code as ProductCode, p);
  return {
    setup,
    plan,
    core,
    dir,
    printer,
    rounding: info.rounding,
    products,
    refundable: [],
    book: {
      sales: 0,
      gross_fen: 0,
      refunds: 0,
      refunds_fen: 0,
      voids: 0,
      voids_fen: 0,
      parked: 0,
      fell_back_to_cash: 0,
      code_retries: 0,
      shift_changes: 0,
      by_kind: {},
      errors: [],
    },
  };
}

export function cartOf(
  st: Stall,
  lines: readonly PlanLine[],
): {
  lines: { product_id: string; entry: PlanLine['entry']; discount_fen: number }[];
  sale_discount_fen: number;
  total_fen: number;
} {
  const priced: CartLine[] = lines.map((l) => {
    const product = st.products.get(l.code);
    if (!product) throw new Error(`stall ${st.setup.stall_id} has no product ${l.code}`);
    return { product, entry: l.entry, discount_fen: 0 };
  });
  return {
    lines: priced.map((l) => ({
      product_id: l.product.id,
      entry: l.entry as PlanLine['entry'],
      discount_fen: 0,
    })),
    sale_discount_fen: 0,
    total_fen: priceSale(priced, 0, st.rounding).total_fen,
  };
}

/** The cashier hands the till over: counts the drawer, closes the shift, signs out; the manager signs in and opens one. */
export async function changeShift(st: Stall): Promise<void> {
  const h = st.core.handlers;
  const cur = await h['shift-current']({});
  await h['shift-close']({ counted_fen: cur.expected_cash_fen ?? 0 });
  await h['cashier-signout']({ manager_pin: MANAGER_PIN });
  await h['cashier-signin']({ pin: MANAGER_PIN });
  await h['shift-open']({ float_fen: FLOAT_FEN });
  st.book.shift_changes++;
}

export async function stopStall(st: Stall): Promise<void> {
  await st.core.close();
  await st.printer?.close();
}
