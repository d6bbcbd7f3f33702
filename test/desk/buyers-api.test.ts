// Buyers on the desk's API, both dialects: bad input refused in words with nothing changed, what a buyer
// owes and since when, the statement and its exports, and a stall owner kept out of another stall's buyers.
import { expect, it } from 'vitest';
import { firstSheet } from '../helpers/xlsx';
import { postEntryTx } from '../../src-server/ledger/post';
import { describeEachDialect } from '../server/helpers/dialects';
import { useTestServer } from '../server/helpers/server';

describeEachDialect('desk buyers API', (dialect) => {
  const s = useTestServer(dialect);
  let buyer = '';
  const count = async () =>
    (
      await s()
        .fresh.db.selectFrom('buyer')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('refuses bad buyers in words and adds nothing', async () => {
    const n = Number(await count());
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: '', credit_limit_fen: 100 }, /name/],
      [{ name: '刘记', credit_limit_fen: -1 }, /credit_limit_fen/],
      [{ name: '刘记', credit_limit_fen: 1_000_000_001 }, /at most ¥10000000/],
      [{ name: '刘记', phone: 'abc', credit_limit_fen: 100 }, /phone number/],
    ];
    for (const [body, words] of bad) {
      const r = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', body);
      expect(r.status).toBe(400);
      expect((r.body as { error: { message: string } }).error.message).toMatch(words);
    }
    expect(Number(await count())).toBe(n);
    const ok = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', {
      name: '刘记饭店',
      phone: '138 0000 1111',
      credit_limit_fen: 50_000,
    });
    expect(ok).toMatchObject({ status: 201, body: { owed_fen: 0, owed_since: null } });
    buyer = (ok.body as { id: string }).id;
    expect(
      (
        await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', {
          name: '刘记饭店',
          credit_limit_fen: 1,
        })
      ).status,
    ).toBe(409);
  });

  it('what a buyer owes and since when, and the statement over a range, from the ledger', async () => {
    const { db } = s().fresh;
    const post = (key: string, txn: 'sale_credit' | 'repayment', day: string, fen: number, ref: string) =>
      postEntryTx(
        db,
        {
          idem_key: key,
          txn_type: txn,
          business_day: day,
          stall_id: 'S01',
          buyer_id: buyer,
          amount_fen: fen,
          ref,
        },
        Date.now(),
      );
    await post('a', 'sale_credit', '20261201', 30_000, 'R1');
    await post('b', 'sale_credit', '20261202', 12_000, 'R2');
    await post('c', 'repayment', '20261203', 30_000, 'PAY1');
    const list = await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/buyers');
    expect(list.body).toMatchObject({
      buyers: [{ name: '刘记饭店', owed_fen: 12_000, owed_since: '20261202', over_limit: false }],
    });
    const st = await s().call(
      'owner1',
      'GET',
      `/api/v1/admin/buyers/${buyer}/statement?from=20261202&to=20261203`,
    );
    expect(st.body).toMatchObject({
      opening_fen: 30_000,
      charged_fen: 12_000,
      repaid_fen: 30_000,
      closing_fen: 12_000,
      lines: [
        { ref: 'R2', amount_fen: 12_000, balance_fen: 42_000 },
        { ref: 'PAY1', amount_fen: -30_000, balance_fen: 12_000 },
      ],
    });
    const bad = await s().call(
      'owner1',
      'GET',
      `/api/v1/admin/buyers/${buyer}/statement?from=20261203&to=20261201`,
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/ends before it starts/);
  });

  it('exports the statement and the buyers as CSV with Chinese headers and as XLSX', async () => {
    const csv = await s().app.inject({
      method: 'GET',
      url: `/api/v1/admin/buyers/${buyer}/statement/export?from=20261201&to=20261203&format=csv`,
      headers: { cookie: s().sessions.owner1.cookie },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('营业日,记账时间,摘要,单号,金额（元）,余额（元）');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^2026-12-03,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},还款,PAY1,-300.00,120.00$/);
    const x = await s().app.inject({
      method: 'GET',
      url: '/api/v1/admin/stalls/S01/buyers/export?format=xlsx',
      headers: { cookie: s().sessions.owner1.cookie },
    });
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    const ws = await firstSheet(x.rawPayload);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '采购商',
      '电话',
      '赊账额度（元）',
      '欠款（元）',
      '欠款起始日',
    ]);
    expect(ws.getRow(2).values).toEqual([undefined, '刘记饭店', '138 0000 1111', 500, 120, '2026-12-02']);
    expect(ws.rowCount).toBe(2);
  });

  it('a stall owner can neither read nor change another stall’s buyers, statements or exports (403, nothing changed)', async () => {
    const before = await s().fresh.db.selectFrom('buyer').selectAll().orderBy('id').execute();
    const calls: [string, string, unknown][] = [
      ['GET', '/api/v1/admin/stalls/S01/buyers', undefined],
      ['POST', '/api/v1/admin/stalls/S01/buyers', { name: '偷偷加', credit_limit_fen: 1 }],
      ['PATCH', `/api/v1/admin/buyers/${buyer}`, { credit_limit_fen: 99_999_999 }],
      ['GET', `/api/v1/admin/buyers/${buyer}/statement?from=20261201&to=20261203`, undefined],
      [
        'GET',
        `/api/v1/admin/buyers/${buyer}/statement/export?from=20261201&to=20261203&format=xlsx`,
        undefined,
      ],
      ['GET', '/api/v1/admin/stalls/S01/buyers/export?format=csv', undefined],
    ];
    for (const [method, url, body] of calls)
      expect((await s().call('owner2', method, url, body)).status, `${method} ${url}`).toBe(403);
    expect(await s().fresh.db.selectFrom('buyer').selectAll().orderBy('id').execute()).toEqual(before);
    expect(
      (await s().call('finance', 'GET', `/api/v1/admin/buyers/${buyer}/statement?from=20261201&to=20261203`))
        .status,
    ).toBe(200);
  });
});
