// 议价 and ad-hoc 抹零 on a real SQLite till: the stall's cashier limit, a manager's PIN beyond it, the journal
// saying who and why, the sale taking the approval once, and the receipt showing 原价/议价 and 抹零.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutReceipt } from '../../shared/receipt/layout';
import type { ReceiptDoc } from '../../shared/receipt/model';
import { renderReceiptText } from '../../shared/receipt/preview';
import { openTill, weight, type Till } from '../../test/helpers/till';
import { journalAfter } from '../journal/journal';
import { stmt } from '../store/sql';
import { approveBargain } from './bargains';
import { completeSale } from './complete-sale';
import { saleReceipt } from './receipt-doc';

let till: Till;
const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
beforeEach(() => {
  till = openTill({ settings: { price_override_floor_pct: 90 } });
});
afterEach(() => till.close());

// 西红柿 6.40元/kg; 10 kg = 64.00
const tomatoes = weight('P-TOM', 10_000);
const bargainLine = (unit_price_fen: number, manager_pin?: string) =>
  approveBargain(
    till.db,
    till.cashier,
    {
      change: { kind: 'line', product_id: 'P-TOM', entry: tomatoes.entry, unit_price_fen },
      reason: 'bulk',
      ...(manager_pin === undefined ? {} : { manager_pin }),
    },
    T0,
  );
const printed = (doc: ReceiptDoc) => renderReceiptText(layoutReceipt(doc, 58));
const bargains = () => (stmt(till.db, 'SELECT COUNT(*) AS n FROM bargain').get() as { n: number }).n;

describe('price override per line', () => {
  it("above the stall's floor needs nobody; the sale is priced at it and the receipt shows 原价 and 议价", () => {
    const ok = bargainLine(600); // 6.40 → 6.00 a kg, above the stall's floor of 90 % (5.76): 4.00 off
    expect(ok).toMatchObject({ cut_fen: 400, approved_by: null });
    const sale = completeSale(
      till.db,
      till.who,
      till.cashier,
      {
        lines: [{ ...tomatoes, override_id: ok.override_id }],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 6000 }],
      },
      T0,
    );
    expect(sale.total_fen).toBe(6000);
    const text = printed(saleReceipt(till.db, till.who, sale.sale_id));
    expect(text).toMatch(/10\.000公斤 × 6\.00元\/公斤\n\s+= 60\.00\n\s+原价6\.40元\/公斤\s+已议价/);
    const entry = journalAfter(till.db, 0, 100).find((e) => e.type === 'price.overridden');
    expect(JSON.parse(entry!.payload)).toMatchObject({
      kind: 'line',
      list_price_fen: 640,
      unit_price_fen: 600,
      cut_fen: 400,
      reason: 'bulk',
      cashier_id: till.cashier.id,
      approved_by: null,
    });
  });

  it('below the floor the core refuses it without a manager PIN, and a cashier PIN is not one', () => {
    expect(() => bargainLine(500)).toThrow(expect.objectContaining({ code: 'manager_required' })); // below 5.76
    expect(() => bargainLine(500, '1234')).toThrow(expect.objectContaining({ code: 'wrong_pin' }));
    expect(bargains()).toBe(0);
    expect(bargainLine(500, '8888')).toMatchObject({ cut_fen: 1400, approved_by: till.manager.id });
  });

  it('a stall that does not let cashiers change prices needs a manager for any cut', () => {
    till.close();
    till = openTill({ settings: { allow_price_override: false } });
    expect(() => bargainLine(630)).toThrow(expect.objectContaining({ code: 'manager_required' }));
  });

  it('is refused for another quantity, and used once only', () => {
    const ok = bargainLine(600);
    const sell = (line: typeof tomatoes) =>
      completeSale(
        till.db,
        till.who,
        till.cashier,
        {
          lines: [{ ...line, override_id: ok.override_id }],
          sale_discount_fen: 0,
          tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
        },
        T0,
      );
    expect(() => sell(weight('P-TOM', 20_000))).toThrow(expect.objectContaining({ code: 'invalid_cart' }));
    sell(tomatoes);
    expect(() => sell(tomatoes)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('ad-hoc 抹零', () => {
  const round = (amount_fen: number, total_before_fen = 6420, manager_pin?: string) =>
    approveBargain(
      till.db,
      till.cashier,
      {
        change: { kind: 'round_off', total_before_fen, amount_fen },
        reason: 'regular',
        ...(manager_pin === undefined ? {} : { manager_pin }),
      },
      T0,
    );
  // 西红柿 10 kg 64.00 + 大白菜 1 斤 at 1.20元/斤 = 65.20
  const lines = [tomatoes, weight('P-CAB', 500)];

  it('dropping the 角 and 分 needs nobody and prints as 抹零; more needs a manager', () => {
    expect(() => round(21, 6520)).toThrow(expect.objectContaining({ code: 'manager_required' }));
    const ok = round(20, 6520);
    const sale = completeSale(
      till.db,
      till.who,
      till.cashier,
      {
        lines,
        sale_discount_fen: 0,
        round_off_id: ok.override_id,
        tenders: [{ kind: 'cash', tendered_fen: 6500 }],
      },
      T0,
    );
    expect(sale).toMatchObject({ total_fen: 6500, change_fen: 0 });
    const text = printed(saleReceipt(till.db, till.who, sale.sale_id));
    expect(text).toMatch(/抹零\s+-￥0\.20\n合计\s+￥65\.00/);
    expect(text).not.toContain('优惠');
  });

  it('is refused once the total changed since it was approved', () => {
    const ok = round(20, 9999);
    expect(() =>
      completeSale(
        till.db,
        till.who,
        till.cashier,
        {
          lines,
          sale_discount_fen: 0,
          round_off_id: ok.override_id,
          tenders: [{ kind: 'cash', tendered_fen: 6500 }],
        },
        T0,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_cart' }));
  });
});
