/** A stall's catalog and prices. Every change bumps the stall's config version so its terminals pull it. */
import { fastUlid } from '../db/ids';
import { z } from 'zod';
import { UNITS } from '../../shared/units';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { nameSchema, nonNegFen, productParams, stallParams } from '../http/schemas';
import { ALL_STAFF } from '../staff/roles';
import { changeConfig } from '../terminals/config-change';

const productView = z.object({ id: z.string(), stall_id: z.string(), code: z.string(), name: z.string(), unit: z.enum(UNITS), unit_price_fen: z.number().int(), category: z.string() });
const codeSchema = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/);
const categorySchema = z.string().trim().max(32);
const COLS = ['id', 'stall_id', 'code', 'name', 'unit', 'unit_price_fen', 'category'] as const;


const asView = (p: { unit: string } & Omit<z.infer<typeof productView>, 'unit'>): z.infer<typeof productView> => ({ ...p, unit: z.enum(UNITS).parse(p.unit) });

export const catalogRoutes = [
  defineRoute({
    id: 'productList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/products',
    summary: "A stall's catalog with prices",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ products: z.array(productView) }),
    handler: async ({ db, params }) => ({ products: (await db.selectFrom('product').select(COLS).where('stall_id', '=', params.stall_id).orderBy('code').execute()).map(asView) }),
  }),
  defineRoute({
    id: 'productCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/products',
    summary: 'Add a product to a stall’s catalog',
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: z.object({ code: codeSchema, name: nameSchema, unit: z.enum(UNITS), unit_price_fen: nonNegFen, category: categorySchema.default('') }),
    example: { code: 'V007', name: '菠菜', unit: 'jin', unit_price_fen: 350, category: '叶菜' },
    response: productView,
    handler: async ({ db, params, body, now, auditTarget }) => {
      const dup = await db.selectFrom('product').select('id').where('stall_id', '=', params.stall_id).where('code', '=', body.code).executeTakeFirst();
      if (dup) throw new ApiError('conflict', `product code ${body.code} exists at this stall`);
      const id = `${params.stall_id}-${fastUlid(now)}`;
      const row = { id, stall_id: params.stall_id, ...body };
      await changeConfig(db, async (trx, bump) => {
        await trx.insertInto('product').values(row).execute();
        await bump(params.stall_id);
      });
      auditTarget(id);
      return row;
    },
  }),
  defineRoute({
    id: 'productUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/products/:product_id',
    summary: "Change a product's name, price or category",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: productParams,
    body: z.object({ name: nameSchema.optional(), unit_price_fen: nonNegFen.optional(), category: categorySchema.optional() }),
    example: { unit_price_fen: 130 },
    response: productView,
    handler: async ({ db, params, body }) => {
      const p = await changeConfig(db, async (trx, bump) => {
        if (Object.keys(body).length > 0) await trx.updateTable('product').set(body).where('id', '=', params.product_id).execute();
        const row = await trx.selectFrom('product').select(COLS).where('id', '=', params.product_id).executeTakeFirstOrThrow();
        await bump(row.stall_id);
        return row;
      });
      return asView(p);
    },
  }),
];
