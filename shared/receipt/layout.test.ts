import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { columnsFor, type ReceiptBlock } from './blocks';
import { layoutReceipt } from './layout';
import type { PaperWidth, ReceiptDoc, ReceiptTender } from './model';
import { renderReceiptText } from './preview';
import { SAMPLE_CASH_RECEIPT, SAMPLE_PAY_URL, SAMPLE_QR_RECEIPT } from './samples';
import { displayWidth } from './width';

const WIDTHS: PaperWidth[] = [58, 80];

function texts(blocks: ReceiptBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
}

/** Control characters (could be ESC/POS commands) or the half-width yen sign. */
function hasUnprintable(s: string): boolean {
  return [...s].some((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0xa5;
  });
}

function expectExactWidths(blocks: ReceiptBlock[], width: PaperWidth): void {
  for (const b of blocks) {
    if (b.kind === 'text')
      expect(displayWidth(b.text), JSON.stringify(b.text)).toBe(columnsFor(b.size, width));
  }
}

describe.each(WIDTHS)('layoutReceipt %i mm', (width) => {
  test('cash receipt: header, items with weights, rounding, total, change', () => {
    const blocks = layoutReceipt(SAMPLE_CASH_RECEIPT, width);
    expectExactWidths(blocks, width);
    const text = renderReceiptText(blocks);
    for (const s of [
      '众彩农副产品批发',
      '老王蔬菜 A12',
      'T01-000123',
      '2025-06-01 14:03:22',
      '王小明',
      '山东大白菜',
      '3.250斤 × 1.20',
      '= 3.90',
      '2.500公斤 × 4.00',
      '2件 × 15.00',
      '抹零',
      '-￥0.90',
      '￥43.00',
      '实收',
      '￥50.00',
      '找零',
      '￥7.00',
      '谢谢惠顾',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('\u00A5');
    expect(text).not.toContain('优惠');
    expect(text).not.toContain('[QR');
    expect(blocks.at(-1)).toEqual({ kind: 'cut' });
    const total = blocks.find((b) => b.kind === 'text' && b.text.startsWith('合计'));
    expect(total).toMatchObject({ bold: true, size: 'tall' });
    const stall = blocks.find((b) => b.kind === 'text' && b.text.includes('老王蔬菜'));
    expect(stall).toMatchObject({ bold: true, size: 'big', align: 'center' });
  });

  test('pending QR tender prints the pay URL once and asks to scan', () => {
    const doc: ReceiptDoc = {
      ...SAMPLE_QR_RECEIPT,
      tenders: [...SAMPLE_QR_RECEIPT.tenders, { kind: 'qr', amount_fen: 1, status: 'pending' }],
    };
    const blocks = layoutReceipt(doc, width);
    expectExactWidths(blocks, width);
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', data: SAMPLE_PAY_URL }]);
    expect(renderReceiptText(blocks)).toContain('请扫码付款');
    expect(renderReceiptText(blocks)).not.toContain('抹零');
  });

  test('other tenders: paid QR, payment code, account with buyer and balance, discount', () => {
    const tenders: ReceiptTender[] = [
      { kind: 'qr', amount_fen: 1000, status: 'paid' },
      { kind: 'payment_code', amount_fen: 390, status: 'paid' },
      { kind: 'account', amount_fen: 3000, buyer_name: '李记餐馆', balance_after_fen: 128_000 },
    ];
    const doc: ReceiptDoc = {
      ...SAMPLE_QR_RECEIPT,
      discount_fen: 100,
      rounding_fen: 0,
      total_fen: 4290,
      tenders,
    };
    const blocks = layoutReceipt(doc, width);
    expectExactWidths(blocks, width);
    const text = renderReceiptText(blocks);
    for (const s of [
      '扫码支付 已支付',
      '付款码 已支付',
      '赊账',
      '李记餐馆',
      '欠款余额',
      '￥1280.00',
      '优惠',
      '-￥1.00',
    ])
      expect(text).toContain(s);
    expect(blocks.some((b) => b.kind === 'qr')).toBe(false);
  });
});

test('rounding prints with its sign: 抹零 down is negative, rounding up is positive; discount is taken off', () => {
  const down = renderReceiptText(layoutReceipt(SAMPLE_CASH_RECEIPT, 58));
  expect(down).toMatch(/抹零\s+-￥0\.90/);
  const up = renderReceiptText(
    layoutReceipt({ ...SAMPLE_CASH_RECEIPT, discount_fen: 40, rounding_fen: 2, total_fen: 4352 }, 80),
  );
  expect(up).toMatch(/舍入\s+\+￥0\.02/);
  expect(up).toMatch(/优惠\s+-￥0\.40/);
  expect(up).not.toContain('抹零');
});

test('a reprint is marked 补打 at the top', () => {
  const text = renderReceiptText(layoutReceipt({ ...SAMPLE_CASH_RECEIPT, reprint: true }, 58));
  expect(text.split('\n')[0]).toContain('补打小票');
  expect(renderReceiptText(layoutReceipt(SAMPLE_CASH_RECEIPT, 58))).not.toContain('补打');
});

test('time is printed in the doc time zone', () => {
  const at = Date.UTC(2025, 0, 1, 23, 30, 0);
  expect(renderReceiptText(layoutReceipt({ ...SAMPLE_CASH_RECEIPT, at_ms: at }, 58))).toContain(
    '2025-01-02 07:30:00',
  );
  expect(
    renderReceiptText(layoutReceipt({ ...SAMPLE_CASH_RECEIPT, at_ms: at, time_zone: 'UTC' }, 58)),
  ).toContain('2025-01-01 23:30:00');
});

test('a control character in a name cannot reach the printer as a command', () => {
  const doc: ReceiptDoc = { ...SAMPLE_CASH_RECEIPT, stall_name: 'evil\x1b@\x1dV\x00stall' };
  for (const t of texts(layoutReceipt(doc, 58))) expect(hasUnprintable(t)).toBe(false);
});

describe('property: no line is ever wider than the paper (seeded)', () => {
  const name = fc.string({
    unit: fc.oneof(
      fc.constantFrom('白', '菜', '￥', '\u00a5', '·', '𠮷', ' ', 'A', '1', '\n', '\x1b'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 60,
  });
  const fenArb = fc.integer({ min: -1_000_000_000, max: 100_000_000_000 });
  const tender: fc.Arbitrary<ReceiptTender> = fc.oneof(
    fc.record({
      kind: fc.constant('cash' as const),
      amount_fen: fenArb,
      tendered_fen: fenArb,
      change_fen: fenArb,
    }),
    fc.record({
      kind: fc.constant('qr' as const),
      amount_fen: fenArb,
      status: fc.constantFrom('pending' as const, 'paid' as const),
    }),
    fc.record({
      kind: fc.constant('payment_code' as const),
      amount_fen: fenArb,
      status: fc.constantFrom('pending' as const, 'paid' as const),
    }),
    fc.record({
      kind: fc.constant('account' as const),
      amount_fen: fenArb,
      buyer_name: name,
      balance_after_fen: fenArb,
    }),
  );
  const line = fc.record({
    name,
    unit: fc.constantFrom('jin' as const, 'kg' as const, 'piece' as const),
    quantity: fc.integer({ min: 1, max: 9_999_999 }),
    unit_price_fen: fenArb,
    amount_fen: fenArb,
  });
  const doc: fc.Arbitrary<ReceiptDoc> = fc.record({
    market_name: name,
    stall_name: name,
    receipt_no: name,
    at_ms: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    time_zone: fc.constantFrom('Asia/Shanghai', 'UTC', 'Asia/Urumqi'),
    cashier: name,
    lines: fc.array(line, { maxLength: 6 }),
    discount_fen: fenArb,
    rounding_fen: fenArb,
    total_fen: fenArb,
    tenders: fc.array(tender, { maxLength: 3 }),
    pay_url: fc.option(fc.webUrl(), { nil: undefined }),
    footer: fc.option(name, { nil: undefined }),
  });

  test.each(WIDTHS)('%i mm', (width) => {
    fc.assert(
      fc.property(doc, (d) => {
        const blocks = layoutReceipt(d, width);
        expectExactWidths(blocks, width);
        for (const t of texts(blocks)) expect(hasUnprintable(t), t).toBe(false);
      }),
      { seed: 58_80, numRuns: 300 },
    );
  });
});
