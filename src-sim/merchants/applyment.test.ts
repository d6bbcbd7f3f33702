import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until, card, type Harness } from '../testing/harness';
import { wxDecrypt } from '../testing/client';
import { luhnOk } from '../../shared/pay/luhn';

let h: Harness;
let rx: Awaited<ReturnType<typeof notifyReceiver>>;
// Real-time scale: review (60 s) must still be pending when first queried; the clock is advanced to finish it.
beforeAll(async () => {
  h = await startHarness({ timeScale: 1 });
  rx = await notifyReceiver();
});
afterAll(async () => {
  await rx.close();
  await h.close();
});

const A = '/v3/applyment4sub/applyment/';
let n = 0;
function application(o: { name?: string; holder?: string; number?: string; corporate?: boolean } = {}) {
  n++;
  return {
    business_code: `MKT-STALL-${Date.now()}-${n}`,
    subject_info: {
      subject_type: 'SUBJECT_TYPE_INDIVIDUAL',
      business_license_info: { merchant_name: '李记蔬菜批发部', legal_person: '李四' },
      identity_info: { id_card_info: { id_card_name: o.name ?? '李四' } },
    },
    business_info: { merchant_shortname: `李记蔬菜${n}` },
    bank_account_info: {
      bank_account_type: o.corporate === true ? 'BANK_ACCOUNT_TYPE_CORPORATE' : 'BANK_ACCOUNT_TYPE_PERSONAL',
      account_name: o.holder ?? '李四',
      account_bank: '工商银行',
      account_number: o.number ?? card(5000 + n),
    },
    notify_url: rx.url,
  };
}
const state = async (code: string) => (await h.api.call('GET', `${A}business_code/${code}`)).body;

describe('sub-merchant onboarding (进件)', () => {
  it('is reviewed asynchronously and ends ACTIVE with a sub_mchid that can trade; resubmitting answers the same application', async () => {
    const app = application();
    const r = await h.api.call<{ applyment_id: string }>('POST', A, app);
    expect([r.status, r.verified]).toEqual([200, true]);
    expect((await h.api.call<{ applyment_id: string }>('POST', A, app)).body.applyment_id).toBe(
      r.body.applyment_id,
    );
    const pending = await state(app.business_code);
    expect(pending).toMatchObject({ applyment_state: 'APPLYMENT_STATE_AUDITING' });
    expect(pending.sub_mchid).toBeUndefined();
    await h.advance(60_000);
    const done = await state(app.business_code);
    expect(done).toMatchObject({
      applyment_state: 'APPLYMENT_STATE_FINISHED',
      applyment_id: r.body.applyment_id,
    });
    const sub = String(done.sub_mchid);
    expect((await h.api.call('GET', `${A}applyment_id/${r.body.applyment_id}`)).body.sub_mchid).toBe(sub);
    expect((await h.api.call('GET', `/v3/merchants/${sub}/balance`)).body).toEqual({
      sub_mchid: sub,
      pending_amount: 0,
      available_amount: 0,
      settled_amount: 0,
    });
    await until(() => rx.got.some((g) => JSON.parse(g.body).event_type === 'MERCHANT.ACTIVE'));
    const g = rx.got.find((x) => JSON.parse(x.body).event_type === 'MERCHANT.ACTIVE');
    expect(JSON.parse(wxDecrypt(JSON.parse(g?.body ?? '{}').resource, h.cfg.api_v3_key))).toMatchObject({
      sub_mchid: sub,
    });
  });

  it("rejects a card that is not the applicant's, a corporate account not in the company name, and a bad card number", async () => {
    const cases = [
      application({ holder: '王五' }),
      application({ corporate: true, holder: '李四' }),
      application({ number: '6222020000000000001' }),
    ];
    for (const c of cases) await h.api.call('POST', A, c);
    await h.advance(60_000);
    for (const c of cases) {
      const s = await state(c.business_code);
      expect(s.applyment_state).toBe('APPLYMENT_STATE_REJECTED');
      expect(s.sub_mchid).toBeUndefined();
      expect((s.audit_detail as unknown[]).length).toBe(1);
    }
    const ok = application({ corporate: true, holder: '李记蔬菜批发部' });
    await h.api.call('POST', A, ok);
    await h.advance(60_000);
    expect((await state(ok.business_code)).applyment_state).toBe('APPLYMENT_STATE_FINISHED');
  });

  it('a sub-merchant under review or rejected cannot trade', async () => {
    const app = application();
    await h.api.call('POST', A, app);
    const body = {
      sp_mchid: h.cfg.sp_mchid,
      sub_mchid: '1600000000',
      description: 'x',
      out_trade_no: 'NOTYET0001',
      notify_url: rx.url,
      amount: { total: 1 },
    };
    expect((await h.api.call('POST', '/v3/pay/partner/transactions/native', body)).body.code).toBe('NO_AUTH');
  });

  it('checks card numbers with Luhn', () => {
    expect(luhnOk('6222020000000000001')).toBe(false);
    expect(luhnOk(card(1))).toBe(true);
    expect(luhnOk('12345')).toBe(false);
  });
});
