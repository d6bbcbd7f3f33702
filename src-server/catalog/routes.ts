/**
 * A stall's catalog and prices, the daily price board, price history and the
 * market's templates. Every change bumps the stall's config version so its
 * terminals pull it (catalog/products.ts).
 */
import { ApiError } from '../http/errors';
import { api } from '../../shared/api';
import { implement, must } from '../http/route';
import { createProducts, listProducts, priceHistory, savePrices, updateProduct } from './products';
import { copyTemplates, createTemplate, listTemplates } from './templates';

const who = (now: number, staff: { username: string } | null) => ({
  nowMs: now,
  by: must(staff, 'staff').username,
});

export const catalogRoutes = [
  implement(api.productList, async ({ db, params }) => ({
    products: await listProducts(db, params.stall_id),
  })),
  implement(api.productCreate, async ({ db, services, params, body, now, staff, auditTarget }) => {
    const [row] = await createProducts(db, services.events, params.stall_id, [body], who(now, staff));
    if (!row) throw new Error('no product created');
    auditTarget(row.id);
    return row;
  }),
  implement(api.productUpdate, async ({ db, services, params, body, now, staff }) =>
    updateProduct(db, services.events, params.product_id, body, who(now, staff)),
  ),
  implement(api.priceBoardSave, async ({ db, services, params, body, now, staff }) =>
    savePrices(db, services.events, params.stall_id, body.prices, who(now, staff)),
  ),
  implement(api.priceHistory, async ({ db, params, query }) => ({
    prices: await priceHistory(db, params.product_id, query.limit),
  })),
  implement(api.templateList, async ({ db }) => ({ templates: await listTemplates(db) })),
  implement(api.templateCreate, async ({ db, body, now, auditTarget }) => {
    const t = await createTemplate(db, body, now);
    auditTarget(t.id);
    return t;
  }),
  implement(api.templateCopy, async ({ db, services, params, body, now, staff }) => {
    if (new Set(body.template_ids).size !== body.template_ids.length)
      throw new ApiError('bad_request', 'a template is named twice');
    return {
      products: await copyTemplates(db, services.events, params.stall_id, body.template_ids, who(now, staff)),
    };
  }),
];
