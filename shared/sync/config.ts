/** Configuration a terminal pulls from the server, by version. */
import { z } from 'zod';
import { productSchema } from '../contract/methods';
import { fenSchema } from '../money';
import { pinHashSchema } from '../pin-hash';
import { stallSettingsWireSchema } from '../stall-settings';

export const terminalConfigSchema = z.object({
  version: z.number().int().nonnegative(),
  terminal_id: z.string(),
  market_name: z.string(),
  stall_id: z.string(),
  stall_name: z.string(),
  time_zone: z.string(),
  day_cutoff_hour: z.number().int().min(0).max(23),
  products: z.array(productSchema),
  /** cashiers with scrypt PIN hashes; empty means the till keeps its own */
  cashiers: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.enum(['cashier', 'manager']),
        pin_hash: pinHashSchema,
      }),
    )
    .default([]),
  /** buyers who may buy on account at this stall; balance as of the terminal's acked seq */
  buyers: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().min(1).max(64),
        credit_limit_fen: fenSchema.nonnegative(),
        balance_fen: fenSchema,
        as_of_seq: z.number().int().nonnegative(),
      }),
    )
    .default([]),
  settings: stallSettingsWireSchema,
});
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

export const enrolRequestSchema = z.object({
  pairing_code: z.string().regex(/^[0-9A-Z]{8}$/),
  public_key_pem: z.string().min(40).max(400),
});
export const enrolResponseSchema = z.object({ terminal_id: z.string() });

/** What the server sends (defaults not yet applied). */
export type TerminalConfigInput = z.input<typeof terminalConfigSchema>;
