/** Configuration a terminal pulls from the server, by version. */
import { z } from 'zod';
import { productSchema } from '../contract/methods';

export const terminalConfigSchema = z.object({
  version: z.number().int().nonnegative(),
  terminal_id: z.string(),
  market_name: z.string(),
  stall_id: z.string(),
  stall_name: z.string(),
  time_zone: z.string(),
  day_cutoff_hour: z.number().int().min(0).max(23),
  products: z.array(productSchema),
});
export type TerminalConfig = z.infer<typeof terminalConfigSchema>;

export const enrolRequestSchema = z.object({
  pairing_code: z.string().regex(/^[0-9A-Z]{8}$/),
  public_key_pem: z.string().min(40).max(400),
});
export const enrolResponseSchema = z.object({ terminal_id: z.string() });
