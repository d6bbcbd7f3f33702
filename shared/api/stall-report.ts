/**
 * A stall's own reports, what its owner reads on a phone: the day's 日报
 * (takings by hour, by product with weights sold, by tender and wallet,
 * refunds, what each buyer took on account and owes) and the past days with
 * what was settled to the stall's card and when. Stall-scoped by `stall_id`:
 * another stall's owner is refused.
 */
import { z } from 'zod';
import { takingsSchema } from '../contract/till';
import { addDays } from '../time';
import { UNITS } from '../units';
import { ALL_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { dayParams, daySchema, int, stallParams } from './schemas';

/** The longest range of past days one call answers. */
export const REPORT_DAYS_MAX = 62;

export const hourlySchema = z.array(z.object({ hour: int, sales: int, total_fen: int }));
export const stallReportSchema = z.object({
  stall_id: z.string(),
  name: z.string(),
  business_day: z.string(),
  takings: takingsSchema,
  hourly: hourlySchema,
  /** weighed units in grams, pieces as a count; lines typed as an amount are under their own name */
  products: z.array(
    z.object({ name: z.string(), unit: z.enum(UNITS), quantity: int, lines: int, amount_fen: int }),
  ),
  refunds: z.array(
    z.object({
      refund_no: z.string(),
      amount_fen: int,
      reason: z.string(),
      at_ms: int,
      approved: z.boolean(),
    }),
  ),
  /** buyers who took goods on account this day, with what they owe the stall now */
  receivables: z.array(z.object({ buyer_id: z.string(), name: z.string(), day_fen: int, owed_fen: int })),
});
export type StallReport = z.output<typeof stallReportSchema>;

export const stallDayRowSchema = z.object({
  business_day: z.string(),
  sales: int,
  sales_fen: int,
  refunds_fen: int,
  /** wallet payments (QR and codes) the institution settles to the stall's card T+1 */
  wallet_fen: int,
  fees_fen: int,
  /** what reaches the card: the institution's bill once it is in, else what the market booked */
  net_to_card_fen: int,
  /** the day the institution pays it (the business day + 1) */
  settle_day: z.string(),
  /** the institution's bill for the day is in: the amount is what it settles */
  settled: z.boolean(),
});
export const stallDaysSchema = z.object({
  stall_id: z.string(),
  /** the card the institution pays into, all but the last four digits hidden */
  settlement_account: z.string().nullable(),
  days: z.array(stallDayRowSchema),
});

export const stallReportApi = {
  stallReport: defineApi({
    id: 'stallReport',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/report/:business_day',
    summary:
      "A stall's 日报: takings by hour, by product with weights, by tender and wallet, refunds, receivables by buyer",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams.merge(dayParams),
    response: stallReportSchema,
  }),
  stallDays: defineApi({
    id: 'stallDays',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/report-days',
    summary: "A stall's past business days with what was settled to its card and when",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    query: z
      .object({ from: daySchema, to: daySchema })
      .refine((q) => q.from <= q.to, 'the range ends before it starts')
      .refine((q) => q.to < addDays(q.from, REPORT_DAYS_MAX), `at most ${REPORT_DAYS_MAX} days at once`),
    response: stallDaysSchema,
  }),
};
