// The server applies the same ceilings as the till (shared/limits.ts): a price the till would refuse is never stored.
import { expect, it } from 'vitest';
import { CREDIT_LIMIT_FEN_MAX, PRICE_FEN_MAX } from '../../shared/limits';
import { useTestServer } from './helpers/server';

const s = useTestServer('sqlite');

it('refuses a catalog price or a credit limit past its ceiling, and stores nothing', async () => {
  const product = (code: string, unit_price_fen: number) =>
    s().call('admin', 'POST', '/api/v1/admin/stalls/S01/products', {
      code,
      name: '限价',
      unit: 'kg',
      unit_price_fen,
      category: '',
      ean: null,
    });
  const over = await product('L1', PRICE_FEN_MAX + 1);
  expect(over.status).toBe(400);
  expect(over.body).toMatchObject({ error: { code: 'bad_request' } });
  expect(
    (await s().fresh.db.selectFrom('product').select('id').where('code', '=', 'L1').execute()).length,
  ).toBe(0);
  expect((await product('L2', PRICE_FEN_MAX)).status).toBeLessThan(300);
  const buyer = await s().call('admin', 'POST', '/api/v1/admin/stalls/S01/buyers', {
    name: '限额',
    credit_limit_fen: CREDIT_LIMIT_FEN_MAX + 1,
  });
  expect(buyer.status).toBe(400);
});
