/**
 * The customer display (客显) part of the renderer ↔ core contract. The till
 * tells the core what the buyer should see; the core keeps the last view and
 * pushes it to every display page (SSE in browser mode, IPC to the second
 * window in Electron). The till formats the words (its language, its units);
 * the display only lays them out, large. Handlers: src-main/display/.
 */
import { z } from 'zod';
import { fenSchema as fen } from '../money';

/** The most lines the display shows: the newest, when a sale has more. */
export const DISPLAY_LINES_MAX = 200;

export const displayLineSchema = z.object({
  name: z.string().max(64),
  /** "2.5 斤 × 6.40 元/斤" as the till shows it */
  detail: z.string().max(160),
  amount_fen: fen,
});

export type DisplayLine = z.infer<typeof displayLineSchema>;

export const displayViewSchema = z.discriminatedUnion('phase', [
  /** no sale: the stall's name and a welcome */
  z.object({ phase: z.literal('idle') }),
  /** lines as the cashier adds them */
  z.object({
    phase: z.literal('selling'),
    lines: z.array(displayLineSchema).max(DISPLAY_LINES_MAX),
    total_fen: fen,
  }),
  /** the cashier is taking payment: the total, and the pay QR large once there is one */
  z.object({
    phase: z.literal('paying'),
    lines: z.array(displayLineSchema).max(DISPLAY_LINES_MAX),
    total_fen: fen,
    due_fen: fen,
    pay_url: z.string().max(2048).nullable(),
  }),
  /** every tender paid: 支付成功 with the amount (and the change for cash) */
  z.object({ phase: z.literal('paid'), amount_fen: fen, change_fen: fen }),
  /** a tender failed: 付款失败 with its amount */
  z.object({ phase: z.literal('failed'), amount_fen: fen }),
]);
export type DisplayView = z.infer<typeof displayViewSchema>;

/** What the display shows, numbered by the till and stamped with the till's clock (for the lag it is measured by). */
export const displayStateSchema = z.object({
  seq: z.number().int().nonnegative(),
  at_ms: z.number().int(),
  view: displayViewSchema,
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const displayContract = {
  'display-show': { input: displayStateSchema, output: z.object({}) },
  'display-get': { input: z.object({}), output: displayStateSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export interface DisplayEvents {
  display: DisplayState;
}
