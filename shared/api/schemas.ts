/** Zod pieces shared by the route declarations. Every string has a length limit. */
import { z } from 'zod';
import { CREDIT_LIMIT_FEN_MAX } from '../limits';

export const idSchema = z.string().min(1).max(64);
export const nameSchema = z.string().trim().min(1).max(64);
export const fenSchema = z.number().int().safe();
export const creditLimitFen = fenSchema.nonnegative().max(CREDIT_LIMIT_FEN_MAX);
export const daySchema = z.string().regex(/^\d{8}$/, 'business day is YYYYMMDD');
export const okSchema = z.object({ ok: z.literal(true) });
export const int = z.number().int();

export const stallParams = z.object({ stall_id: idSchema });
export const terminalParams = z.object({ terminal_id: idSchema });
export const buyerParams = z.object({ buyer_id: idSchema });
export const productParams = z.object({ product_id: idSchema });
export const staffParams = z.object({ staff_id: idSchema });
export const dayParams = z.object({ business_day: daySchema });

export const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
