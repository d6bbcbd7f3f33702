/** Zod pieces shared by the route declarations. Every string has a length limit. */
import { z } from 'zod';
import { idSchema } from '../ids';
import { CREDIT_LIMIT_FEN_MAX } from '../limits';
import { fenSchema } from '../money';
import { businessDaySchema } from '../time';

export { fenSchema, idSchema };
export const daySchema = businessDaySchema;
export const nameSchema = z.string().trim().min(1).max(64);
export const creditLimitFen = fenSchema.nonnegative().max(CREDIT_LIMIT_FEN_MAX);
export const okSchema = z.object({ ok: z.literal(true) });
export const int = z.number().int();

export const stallParams = z.object({ stall_id: idSchema });
export const terminalParams = z.object({ terminal_id: idSchema });
export const buyerParams = z.object({ buyer_id: idSchema });
export const productParams = z.object({ product_id: idSchema });
export const staffParams = z.object({ staff_id: idSchema });
export const dayParams = z.object({ business_day: daySchema });

export const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
