/**
 * A stall's catalog and prices, the daily price board, price history and the
 * market's templates. Every change bumps the stall's config version so its
 * terminals pull it (catalog/products.ts).
 */
import { z } from 'zod';
import { ApiError } from '../http/errors';
import { defineRoute, must, staffAuth } from '../http/route';
import { idSchema, limitQuery, productParams, stallParams } from '../http/schemas';
import { ADMIN_ONLY, ALL_STAFF } from '../staff/roles';
import { createProducts, listProducts, priceBoardBody, priceHistory, priceHistoryView, productInput, productPatch, productView, savePrices, updateProduct } from './products';
import { copyTemplates, createTemplate, listTemplates, templateView } from './templates';

const who = (now: number, staff: { username: string } | null) => ({ nowMs: now, by: must(staff, 'staff').username });

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
    handler: async ({ db, params }) => ({ products: await listProducts(db, params.stall_id) }),
  }),
  defineRoute({
    id: 'productCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/products',
    summary: 'Add a product to a stall’s catalog (pinyin initials derived from the name)',
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: productInput,
    example: { code: 'V007', name: '菠菜', unit: 'jin', unit_price_fen: 350, category: '叶菜', ean: null },
    response: productView,
    handler: async ({ db, params, body, now, staff, auditTarget }) => {
      const [row] = await createProducts(db, params.stall_id, [body], who(now, staff));
      if (!row) throw new Error('no product created');
      auditTarget(row.id);
      return row;
    },
  }),
  defineRoute({
    id: 'productUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/products/:product_id',
    summary: "Change a product's code, name, unit, price, category or EAN",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: productParams,
    body: productPatch,
    example: { unit_price_fen: 130 },
    response: productView,
    handler: async ({ db, params, body, now, staff }) => updateProduct(db, params.product_id, body, who(now, staff)),
  }),
  defineRoute({
    id: 'priceBoardSave',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/prices',
    summary: "The daily price board: many of a stall's prices in one step and one config version, pushed to its tills",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    body: priceBoardBody,
    example: { prices: [{ product_id: 'S01-V001', unit_price_fen: 130 }] },
    response: z.object({ changed: z.number().int(), config_version: z.number().int() }),
    handler: async ({ db, params, body, now, staff }) => savePrices(db, params.stall_id, body.prices, who(now, staff)),
  }),
  defineRoute({
    id: 'priceHistory',
    method: 'GET',
    path: '/api/v1/admin/products/:product_id/prices',
    summary: "A product's prices over time, newest first",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: productParams,
    query: limitQuery,
    response: z.object({ prices: z.array(priceHistoryView) }),
    handler: async ({ db, params, query }) => ({ prices: await priceHistory(db, params.product_id, query.limit) }),
  }),
  defineRoute({
    id: 'templateList',
    method: 'GET',
    path: '/api/v1/admin/catalog-templates',
    summary: 'The market-wide product templates a stall may copy',
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    response: z.object({ templates: z.array(templateView) }),
    handler: async ({ db }) => ({ templates: await listTemplates(db) }),
  }),
  defineRoute({
    id: 'templateCreate',
    method: 'POST',
    path: '/api/v1/admin/catalog-templates',
    summary: 'Add a market-wide product template (admin)',
    tag: 'catalog',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    body: productInput,
    example: { code: 'T001', name: '菠菜', unit: 'jin', unit_price_fen: 350, category: '叶菜', ean: null },
    response: templateView,
    handler: async ({ db, body, now, auditTarget }) => {
      const t = await createTemplate(db, body, now);
      auditTarget(t.id);
      return t;
    },
  }),
  defineRoute({
    id: 'templateCopy',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/products/from-templates',
    summary: "Copy market templates into a stall's catalog, all or none",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: z.object({ template_ids: z.array(idSchema).min(1, 'choose at least one template').max(500) }),
    example: { template_ids: ['01J0000000000000000000000'] },
    response: z.object({ products: z.array(productView) }),
    handler: async ({ db, params, body, now, staff }) => {
      if (new Set(body.template_ids).size !== body.template_ids.length) throw new ApiError('bad_request', 'a template is named twice');
      return { products: await copyTemplates(db, params.stall_id, body.template_ids, who(now, staff)) };
    },
  }),
];
