/** A stall's catalog and prices, and its till settings and cashiers (every change reaches its tills with the config). */
import { z } from 'zod';
import { stallSettingsSchema } from '../stall-settings';
import {
  PRICE_BOARD_ROWS_MAX,
  categorySchema,
  codeSchema,
  eanSchema,
  unitPriceFen,
  unitSchema,
} from '../catalog';
import { PIN_RE } from '../pin-hash';
import { UNITS } from '../units';
import { ADMIN_ONLY, ALL_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { idSchema, int, limitQuery, nameSchema, productParams, stallParams } from './schemas';

export const productViewSchema = z.object({
  id: z.string(),
  stall_id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.enum(UNITS),
  unit_price_fen: int,
  category: z.string(),
  ean: z.string().nullable(),
  pinyin: z.string(),
});
export type ProductView = z.output<typeof productViewSchema>;
export const productInputSchema = z.object({
  code: codeSchema,
  name: nameSchema,
  unit: unitSchema,
  unit_price_fen: unitPriceFen,
  category: categorySchema.default(''),
  ean: eanSchema.default(null),
});
export type ProductInput = z.output<typeof productInputSchema>;
export const productPatchSchema = productInputSchema.partial();
export const priceBoardBodySchema = z.object({
  prices: z
    .array(z.object({ product_id: z.string().min(1).max(64), unit_price_fen: unitPriceFen }))
    .min(1, 'nothing to save')
    .max(PRICE_BOARD_ROWS_MAX, `at most ${PRICE_BOARD_ROWS_MAX} prices in one save`),
});
export const priceHistoryViewSchema = z.object({
  unit_price_fen: int,
  prev_price_fen: int.nullable(),
  changed_ms: int,
  changed_by: z.string(),
});
export const templateViewSchema = productInputSchema.extend({ id: z.string() });
export type TemplateView = z.output<typeof templateViewSchema>;

export const CASHIER_ROLES = ['cashier', 'manager'] as const;
const cashierView = z.object({
  id: z.string(),
  stall_id: z.string(),
  name: z.string(),
  role: z.enum(CASHIER_ROLES),
  active: z.boolean(),
});

export const catalogApi = {
  productList: defineApi({
    id: 'productList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/products',
    summary: "A stall's catalog with prices",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ products: z.array(productViewSchema) }),
  }),
  productCreate: defineApi({
    id: 'productCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/products',
    summary: 'Add a product to a stall’s catalog (pinyin initials derived from the name)',
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: productInputSchema,
    example: { code: 'V007', name: '菠菜', unit: 'jin', unit_price_fen: 350, category: '叶菜', ean: null },
    response: productViewSchema,
    errors: ['conflict'],
  }),
  productUpdate: defineApi({
    id: 'productUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/products/:product_id',
    summary: "Change a product's code, name, unit, price, category or EAN",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: productParams,
    body: productPatchSchema,
    example: { unit_price_fen: 130 },
    response: productViewSchema,
    errors: ['conflict'],
  }),
  priceBoardSave: defineApi({
    id: 'priceBoardSave',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/prices',
    summary:
      "The daily price board: many of a stall's prices in one step and one config version, pushed to its tills",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    body: priceBoardBodySchema,
    example: { prices: [{ product_id: 'S01-V001', unit_price_fen: 130 }] },
    response: z.object({ changed: int, config_version: int }),
    errors: ['not_found'],
  }),
  priceHistory: defineApi({
    id: 'priceHistory',
    method: 'GET',
    path: '/api/v1/admin/products/:product_id/prices',
    summary: "A product's prices over time, newest first",
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    params: productParams,
    query: limitQuery,
    response: z.object({ prices: z.array(priceHistoryViewSchema) }),
  }),
  templateList: defineApi({
    id: 'templateList',
    method: 'GET',
    path: '/api/v1/admin/catalog-templates',
    summary: 'The market-wide product templates a stall may copy',
    tag: 'catalog',
    auth: staffAuth(ALL_STAFF),
    response: z.object({ templates: z.array(templateViewSchema) }),
  }),
  templateCreate: defineApi({
    id: 'templateCreate',
    method: 'POST',
    path: '/api/v1/admin/catalog-templates',
    summary: 'Add a market-wide product template (admin)',
    tag: 'catalog',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    body: productInputSchema,
    example: { code: 'T001', name: '菠菜', unit: 'jin', unit_price_fen: 350, category: '叶菜', ean: null },
    response: templateViewSchema,
    errors: ['conflict'],
  }),
  templateCopy: defineApi({
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
    response: z.object({ products: z.array(productViewSchema) }),
    errors: ['not_found', 'conflict'],
  }),
  stallSettingsGet: defineApi({
    id: 'stallSettingsGet',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/settings',
    summary: "A stall's till settings",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: stallSettingsSchema,
  }),
  stallSettingsPut: defineApi({
    id: 'stallSettingsPut',
    method: 'PUT',
    path: '/api/v1/admin/stalls/:stall_id/settings',
    summary: "Set a stall's till settings (its terminals pull them with the config)",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    body: stallSettingsSchema,
    example: {
      rounding: 'floor_jiao',
      refund_manager_limit_fen: 10000,
      allow_price_override: true,
      price_override_floor_pct: 80,
      receipt_header: '诚信经营 童叟无欺',
      receipt_footer: '谢谢惠顾，欢迎再来',
      stall_no: 'A-12',
      stall_phone: '138 0000 0000',
      code_pay_timeout_s: 45,
    },
    response: stallSettingsSchema,
  }),
  cashierList: defineApi({
    id: 'cashierList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/cashiers',
    summary: "A stall's cashiers (never their PINs)",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ cashiers: z.array(cashierView) }),
  }),
  cashierCreate: defineApi({
    id: 'cashierCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/cashiers',
    summary:
      'Add a cashier or manager with a PIN (4–8 digits); the tills replace their own cashiers with the server’s',
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: z.object({
      name: nameSchema,
      role: z.enum(CASHIER_ROLES),
      pin: z.string().regex(PIN_RE, 'PIN is 4 to 8 digits'),
    }),
    example: { name: '小李', role: 'cashier', pin: '2468' },
    response: cashierView,
  }),
  cashierDeactivate: defineApi({
    id: 'cashierDeactivate',
    method: 'POST',
    path: '/api/v1/admin/cashiers/:cashier_id/deactivate',
    summary: 'Deactivate a cashier: the tills drop them at their next config pull',
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: z.object({ cashier_id: idSchema }),
    response: cashierView,
  }),
};
