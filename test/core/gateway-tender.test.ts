// Large amounts (issue 7): QR and payment-code tenders above the code limit are refused with the reason;
// the same amount as a gateway tender commits pending, journals `via`, and prints the signed /g/ link with the reason.
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePayToken, signingInput } from '../../shared/pay/token';
import { layoutReceipt, renderReceiptText } from '../../shared/receipt';
import { payUrl } from '../../src-main/payments/pay-url';
import { parseDoc } from '../../src-main/print/print-job-store';
import { refundSale } from '../../src-main/refunds/refund';
import { completeSale } from '../../src-main/sales/complete-sale';
import { settleTender } from '../../src-main/sales/tender-status';
import { saleTenders } from '../../src-main/sales/sale-store';
import { openTill, pieces, type Till } from '../helpers/till';

let till: Till;
const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const keys = generateKeyPairSync('ed25519');
const signer = (claims: Parameters<typeof payUrl>[2], at: number, purpose: 'qr' | 'gateway') =>
  payUrl('https://pay.example.cn', keys.privateKey, claims, at, purpose);
beforeEach(() => {
  till = openTill();
});
afterEach(() => till.close());

// 400 nets of garlic at 15 元: a 6,000 元 sale.
const big = [pieces('P-GAR', 400)];
const sell = (tenders: Parameters<typeof completeSale>[3]['tenders']) =>
  completeSale(till.db, till.who, till.cashier, { lines: big, sale_discount_fen: 0, tenders }, T0, signer);
const sales = () => (till.db.prepare('SELECT COUNT(*) AS n FROM sale').get() as { n: number }).n;

describe('tenders above the code limit', () => {
  it('refuses QR and payment code with qr_limit_exceeded, saying why and offering the gateway; nothing is written', () => {
    const qr = () => sell([{ kind: 'qr', amount_fen: 600_000 }]);
    expect(qr).toThrow(expect.objectContaining({ code: 'qr_limit_exceeded' }));
    expect(qr).toThrow(/5000\.00元.*企业网银.*bank \(B2B\) gateway/);
    expect(() => sell([{ kind: 'payment_code', amount_fen: 600_000, code: '134567890123456789' }])).toThrow(
      expect.objectContaining({ code: 'qr_limit_exceeded' }),
    );
    expect(sales()).toBe(0);
  });

  it('takes exactly the limit by QR, the rest in cash', () => {
    const s = sell([
      { kind: 'qr', amount_fen: 500_000 },
      { kind: 'cash', tendered_fen: 100_000 },
    ]);
    expect(s.pay_url).toContain('/p/');
    expect(saleTenders(till.db, s.sale_id).map((t) => [t.kind, t.amount_fen, t.via])).toEqual([
      ['qr', 500_000, null],
      ['cash', 100_000, null],
    ]);
  });

  it('a gateway tender commits pending with a /g/ link signed for the gateway only, journaled and printed with the reason', () => {
    const s = sell([{ kind: 'qr', amount_fen: 600_000, via: 'gateway' }]);
    expect(s.status).toBe('pending');
    expect(saleTenders(till.db, s.sale_id)[0]).toMatchObject({
      kind: 'qr',
      status: 'pending',
      via: 'gateway',
    });
    const [base, token] = (s.pay_url ?? '').split('/g/');
    expect(base).toBe('https://pay.example.cn');
    const p = parsePayToken(token ?? '');
    if (!p.ok) throw new Error(p.reason);
    expect(p.claims).toMatchObject({ sale_id: s.sale_id, tender_no: 1, amount_fen: 600_000 });
    const pub = createPublicKey(keys.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(verify(null, signingInput(p.signed, 'gateway'), pub, p.signature)).toBe(true);
    // The same token means nothing on the wallet QR's path.
    expect(verify(null, signingInput(p.signed, 'qr'), pub, p.signature)).toBe(false);
    const entry = till.db.prepare("SELECT payload FROM journal WHERE type = 'sale.completed'").get() as {
      payload: string;
    };
    expect(JSON.parse(entry.payload).tenders[0]).toMatchObject({
      kind: 'qr',
      via: 'gateway',
      status: 'pending',
    });
    const job = till.db.prepare('SELECT document FROM print_job WHERE sale_id = ?').get(s.sale_id) as {
      document: string;
    };
    const doc = parseDoc(job);
    if (!doc) throw new Error('no receipt');
    const text = renderReceiptText(layoutReceipt(doc, 58));
    expect(text).toContain('企业网银 待付款');
    expect(text).toContain(`[QR ${s.pay_url}]`);
    expect(text).toContain('扫码打开企业网银付款');
    expect(text.replace(/\s+/g, '')).toContain('超过扫码支付每人每日限额5000.00元');
  });

  it('a paid gateway tender is not refunded at the till (the institution does not refund 企业网银 online)', () => {
    const s = sell([{ kind: 'qr', amount_fen: 600_000, via: 'gateway' }]);
    settleTender(till.db, s.sale_id, 1, { status: 'paid', external_ref: 'TX1' }, T0 + 60_000);
    expect(() =>
      refundSale(till.db, till.who, till.manager, { sale_id: s.sale_id, reason: '退货' }, T0 + 120_000),
    ).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringContaining('企业网银') }));
    expect(till.db.prepare('SELECT COUNT(*) AS n FROM refund').get()).toEqual({ n: 0 });
  });
});
