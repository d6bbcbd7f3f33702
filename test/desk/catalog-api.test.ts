// The desk's catalog API on both dialects: bad input is refused in words with nothing changed,
// the price board saves in one step and one config version with history, templates copy all or
// nothing, and a stall owner cannot touch another stall's catalog.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../server/helpers/dialects';
import { useTestServer, type TestServer } from '../server/helpers/server';

type Res = Awaited<ReturnType<TestServer['call']>>;
const message = (r: Res) => (r.body as { error: { message: string } }).error.message;

describeEachDialect('desk catalog API', (dialect) => {
  const s = useTestServer(dialect);
  /** what must not move when a call is refused: the stall's products and config version */
  const snapshot = async (stall: string) => {
    const { db } = s().fresh;
    const products = await db
      .selectFrom('product')
      .selectAll()
      .where('stall_id', '=', stall)
      .orderBy('id')
      .execute();
    const v = await db
      .selectFrom('stall')
      .select('config_version')
      .where('id', '=', stall)
      .executeTakeFirstOrThrow();
    return { products, v: v.config_version };
  };
  const good = {
    code: 'V020',
    name: '空心菜',
    unit: 'jin',
    unit_price_fen: 320,
    category: '叶菜',
    ean: null,
  };

  it('refuses bad products in words and changes nothing', async () => {
    const before = await snapshot('S01');
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...good, unit_price_fen: -5 }, 400, /above ¥0.00/],
      [{ ...good, unit_price_fen: 0 }, 400, /above ¥0.00/],
      [{ ...good, unit_price_fen: 1_000_001 }, 400, /at most ¥10000/],
      [{ ...good, unit_price_fen: 1.5 }, 400, /whole number of fen/],
      [{ ...good, unit: 'box' }, 400, /unit must be one of jin, kg, piece/],
      [{ ...good, code: 'V001' }, 409, /code V001 is already used/],
      [{ ...good, ean: '6901234567890' }, 400, /check digit/],
      [{ ...good, code: 'bad code!' }, 400, /letters, digits/],
    ];
    for (const [body, status, words] of cases) {
      const r = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/products', body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(message(r)).toMatch(words);
    }
    expect(
      (await s().call('owner1', 'PATCH', '/api/v1/admin/products/S01-V002', { code: 'V001' })).status,
    ).toBe(409);
    expect(
      (await s().call('owner1', 'PATCH', '/api/v1/admin/products/S01-V002', { unit_price_fen: 0 })).status,
    ).toBe(400);
    expect(await snapshot('S01')).toEqual(before);
  });

  it('adds a product with its pinyin initials and first price; a duplicate EAN is refused', async () => {
    const r = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/products', {
      ...good,
      ean: '6901234567892',
    });
    expect(r).toMatchObject({ status: 201, body: { code: 'V020', pinyin: 'kxc', ean: '6901234567892' } });
    const dup = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/products', {
      ...good,
      code: 'V021',
      ean: '6901234567892',
    });
    expect(dup.status).toBe(409);
    expect(message(dup)).toMatch(/EAN 6901234567892 is already used/);
    const id = (r.body as { id: string }).id;
    expect((await s().call('owner1', 'GET', `/api/v1/admin/products/${id}/prices`)).body).toMatchObject({
      prices: [{ unit_price_fen: 320, prev_price_fen: null }],
    });
  });

  it('the price board saves many prices in one config version, records each change, and skips unchanged ones', async () => {
    const before = await snapshot('S01');
    const r = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/prices', {
      prices: [
        { product_id: 'S01-V001', unit_price_fen: 135 },
        { product_id: 'S01-V002', unit_price_fen: 190 },
        { product_id: 'S01-V003', unit_price_fen: 640 },
      ],
    });
    expect(r).toMatchObject({ status: 200, body: { changed: 2, config_version: before.v + 1 } });
    const h = await s().call('finance', 'GET', '/api/v1/admin/products/S01-V001/prices');
    expect(h.body).toMatchObject({
      prices: [{ unit_price_fen: 135, prev_price_fen: 120, changed_by: 'owner1' }],
    });
    const same = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/prices', {
      prices: [{ product_id: 'S01-V001', unit_price_fen: 135 }],
    });
    expect(same.body).toMatchObject({ changed: 0, config_version: before.v + 1 });
  });

  it('a board save with one bad row changes nothing: bad price, another stall’s product, a product twice', async () => {
    const before = await snapshot('S01');
    const s02 = await snapshot('S02');
    const bad: [unknown[], RegExp][] = [
      [
        [
          { product_id: 'S01-V001', unit_price_fen: 150 },
          { product_id: 'S01-V002', unit_price_fen: -1 },
        ],
        /prices\.1\.unit_price_fen: the price must be above/,
      ],
      [
        [
          { product_id: 'S01-V001', unit_price_fen: 150 },
          { product_id: 'S02-F001', unit_price_fen: 100 },
        ],
        /S02-F001 is not in this stall's catalog/,
      ],
      [
        [
          { product_id: 'S01-V001', unit_price_fen: 150 },
          { product_id: 'S01-V001', unit_price_fen: 160 },
        ],
        /named twice/,
      ],
      [[], /nothing to save/],
    ];
    for (const [prices, words] of bad) {
      const r = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/prices', { prices });
      expect(r.status).toBe(400);
      expect(message(r)).toMatch(words);
    }
    expect(await snapshot('S01')).toEqual(before);
    expect(await snapshot('S02')).toEqual(s02);
  });

  it('a stall owner can neither read nor change another stall’s catalog, prices or history (403, nothing changed)', async () => {
    const s02 = await snapshot('S02');
    const calls: [string, string, unknown][] = [
      ['GET', '/api/v1/admin/stalls/S02/products', undefined],
      ['POST', '/api/v1/admin/stalls/S02/products', { ...good, code: 'X1' }],
      ['PATCH', '/api/v1/admin/products/S02-F001', { unit_price_fen: 1 }],
      [
        'POST',
        '/api/v1/admin/stalls/S02/prices',
        { prices: [{ product_id: 'S02-F001', unit_price_fen: 1 }] },
      ],
      ['GET', '/api/v1/admin/products/S02-F001/prices', undefined],
      ['POST', '/api/v1/admin/stalls/S02/products/from-templates', { template_ids: ['TPL-T001'] }],
    ];
    for (const [method, url, body] of calls)
      expect((await s().call('owner1', method, url, body)).status, `${method} ${url}`).toBe(403);
    expect(await snapshot('S02')).toEqual(s02);
  });

  it('templates: admin adds them (finance may not), a stall copies them all or none', async () => {
    const t = { ...good, code: 'T100', name: '苋菜' };
    expect((await s().call('finance', 'POST', '/api/v1/admin/catalog-templates', t)).status).toBe(403);
    expect((await s().call('owner2', 'POST', '/api/v1/admin/catalog-templates', t)).status).toBe(403);
    const c = await s().call('admin', 'POST', '/api/v1/admin/catalog-templates', t);
    expect(c.status).toBe(201);
    expect((await s().call('admin', 'POST', '/api/v1/admin/catalog-templates', t)).status).toBe(409);
    const list = (await s().call('owner2', 'GET', '/api/v1/admin/catalog-templates')).body as {
      templates: { id: string; code: string }[];
    };
    expect(list.templates.map((x) => x.code)).toContain('T100');
    const before = await snapshot('S02');
    const unknown = await s().call('owner2', 'POST', '/api/v1/admin/stalls/S02/products/from-templates', {
      template_ids: ['TPL-T001', 'nope'],
    });
    expect(unknown.status).toBe(404);
    expect(await snapshot('S02')).toEqual(before);
    const ok = await s().call('owner2', 'POST', '/api/v1/admin/stalls/S02/products/from-templates', {
      template_ids: ['TPL-T001', (c.body as { id: string }).id],
    });
    expect(ok).toMatchObject({
      status: 201,
      body: {
        products: [
          { code: 'T001', pinyin: 'bc' },
          { code: 'T100', pinyin: 'xc' },
        ],
      },
    });
    const again = await s().call('owner2', 'POST', '/api/v1/admin/stalls/S02/products/from-templates', {
      template_ids: ['TPL-T001', 'TPL-T002'],
    });
    expect(again.status).toBe(409);
    expect((await snapshot('S02')).products.length).toBe(before.products.length + 2);
  });
});
