/**
 * The renderer ↔ core contract: one map of method name → input and output
 * schemas. The transport (HTTP + SSE on 127.0.0.1, in a browser and in Electron) and the core's
 * handler registry are typed from this map, and inputs are parsed with it at the edge.
 */
import { z } from 'zod';
import { idSchema } from '../ids';
import { fenSchema } from '../money';
import { ROUNDING_MODES } from '../sales/rounding';
import { UNITS } from '../units';
import { devicesContract, type DeviceEvents } from './devices';
import { displayContract, type DisplayEvents } from './display';
import { tillContract } from './till';

export const productSchema = z.object({
  id: idSchema,
  code: z.string().max(32),
  name: z.string().min(1).max(64),
  unit: z.enum(UNITS),
  unit_price_fen: fenSchema.nonnegative(),
  category: z.string().max(32),
});
export type Product = z.infer<typeof productSchema>;

export const statusSchema = z.object({
  online: z.boolean(),
  sync: z.object({
    queue_depth: z.number().int().nonnegative(),
    oldest_unsynced_age_ms: z.number().int().nonnegative().nullable(),
    last_success_ms: z.number().int().nullable(),
    last_error: z.string().nullable(),
  }),
  printer: z.object({
    state: z.enum(['ready', 'printing', 'error', 'none']),
    message: z.string().nullable(),
  }),
});
export type TerminalStatus = z.infer<typeof statusSchema>;

export const contract = {
  ...devicesContract,
  ...displayContract,
  ...tillContract,
  'session-info': {
    input: z.object({}),
    output: z.object({
      terminal_id: z.string(),
      market_name: z.string(),
      stall_name: z.string(),
      cashier: z
        .object({ id: z.string(), name: z.string(), role: z.enum(['cashier', 'manager']) })
        .nullable(),
      time_zone: z.string(),
      rounding: z.enum(ROUNDING_MODES),
      allow_price_override: z.boolean(),
      price_override_floor_pct: z.number().int(),
      refund_manager_limit_fen: z.number().int(),
    }),
  },
  'catalog-list': {
    input: z.object({}),
    output: z.object({ products: z.array(productSchema) }),
  },
  'status-get': {
    input: z.object({}),
    output: statusSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** Every method's name, read off the contract (the renderer's HTTP client binds exactly these). */
export const METHOD_NAMES = Object.keys(contract) as readonly MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** The input after the contract's schema parsed it (defaults applied): what handlers receive. */
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;

/** Events the core pushes to the renderer (over SSE). */
export interface CoreEvents extends DeviceEvents, DisplayEvents {
  status: TerminalStatus;
  /** the server sent a new configuration (catalog, prices, buyers, settings): reload them */
  config: { version: number };
}
