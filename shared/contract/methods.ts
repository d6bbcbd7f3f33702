/**
 * The renderer ↔ core contract: one map of method name → input and output
 * schemas. Both transports (Electron IPC, HTTP in browser mode) and the core's
 * handler registry are typed from this map, and inputs are parsed with it at the edge.
 */
import { z } from 'zod';
import { UNITS } from '../units';
import { devicesContract, type DeviceEvents } from './devices';
import type { MethodName } from './names';

const fenSchema = z.number().int().safe();
const idSchema = z.string().min(1).max(64);

export const productSchema = z.object({
  id: idSchema,
  code: z.string().max(32),
  name: z.string().min(1).max(64),
  unit: z.enum(UNITS),
  unit_price_fen: fenSchema.nonnegative(),
  category: z.string().max(32),
});
export type Product = z.infer<typeof productSchema>;

export const saleLineInputSchema = z.object({
  product_id: idSchema,
  /** grams for weighed products, a count for pieces */
  quantity: z.number().int().positive().max(10_000_000),
});

export const statusSchema = z.object({
  online: z.boolean(),
  sync: z.object({
    queue_depth: z.number().int().nonnegative(),
    oldest_unsynced_age_ms: z.number().int().nonnegative().nullable(),
    last_success_ms: z.number().int().nullable(),
    last_error: z.string().nullable(),
  }),
  printer: z.object({ state: z.enum(['ready', 'printing', 'error', 'none']), message: z.string().nullable() }),
});
export type TerminalStatus = z.infer<typeof statusSchema>;

export const contract = {
  ...devicesContract,
  'session-info': {
    input: z.object({}),
    output: z.object({
      terminal_id: z.string(),
      market_name: z.string(),
      stall_name: z.string(),
      cashier: z.string(),
      time_zone: z.string(),
    }),
  },
  'catalog-list': {
    input: z.object({}),
    output: z.object({ products: z.array(productSchema) }),
  },
  'sale-complete': {
    input: z.object({
      lines: z.array(saleLineInputSchema).min(1).max(200),
      tender: z.object({ kind: z.literal('cash'), tendered_fen: fenSchema.nonnegative() }),
    }),
    output: z.object({
      sale_id: z.string(),
      receipt_no: z.string(),
      total_fen: fenSchema,
      change_fen: fenSchema,
      printed: z.boolean(),
      print_error: z.string().nullable(),
    }),
  },
  'status-get': {
    input: z.object({}),
    output: statusSchema,
  },
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type { MethodName };
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;

/** Events the core pushes to the renderer (SSE in browser mode, IPC events in Electron). */
export interface CoreEvents extends DeviceEvents {
  status: TerminalStatus;
}
