/**
 * A stall's till settings, set on the desk and pulled by its tills with the
 * config: the 抹零 rule, price override (allowed, and down to what share of the
 * list price), the refund amount a cashier may do without a manager, what the
 * receipt says about the stall (header, footer, stall number, phone) and how
 * long a scanned payment code may wait for the buyer. One schema for the
 * desk's API and the terminal config, so both sides agree on every field.
 */
import { z } from 'zod';
import { ROUNDING_MODES } from './sales/rounding';

/** A receipt header or footer line: what fits a 58 mm printer in two lines of 16 Chinese characters. */
export const RECEIPT_TEXT_CHARS_MAX = 32;
/** 摊位号 as painted in the hall (A-12, 东区3排5号). */
export const STALL_NO_CHARS_MAX = 16;
/** The shortest and longest wait for a scanned payment code (the institution's code limit is 60 s). */
export const CODE_PAY_TIMEOUT_S_MIN = 15;
export const CODE_PAY_TIMEOUT_S_MAX = 60;
/** The cap on a stall's refund amount without a manager: 100,000 元. */
export const REFUND_MANAGER_LIMIT_FEN_MAX = 10_000_000;

const receiptText = z
  .string()
  .trim()
  .max(RECEIPT_TEXT_CHARS_MAX, `at most ${RECEIPT_TEXT_CHARS_MAX} characters`)
  // eslint-disable-next-line no-control-regex -- a control byte would be an ESC/POS command on the printer
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters')
  .nullable();

export const stallSettingsSchema = z.object({
  rounding: z.enum(ROUNDING_MODES),
  /** refunds above this need a manager's PIN */
  refund_manager_limit_fen: z
    .number()
    .int()
    .min(0)
    .max(REFUND_MANAGER_LIMIT_FEN_MAX, `at most ¥${REFUND_MANAGER_LIMIT_FEN_MAX / 100}`),
  /** morning/evening price changes (早晚市调价) at the till */
  allow_price_override: z.boolean(),
  /** the lowest price an override may set, in percent of the list price (0: any price, 100: never below it) */
  price_override_floor_pct: z.number().int().min(0).max(100),
  /** printed above the stall's name; null: nothing */
  receipt_header: receiptText,
  /** printed at the foot of every receipt; null: nothing */
  receipt_footer: receiptText,
  /** the stall's number in the hall (摊位号), printed under its name; null: none printed */
  stall_no: z
    .string()
    .trim()
    .min(1)
    .max(STALL_NO_CHARS_MAX, `at most ${STALL_NO_CHARS_MAX} characters`)
    .nullable(),
  stall_phone: z
    .string()
    .trim()
    .regex(/^[0-9+ -]{5,20}$/, 'the phone number is 5 to 20 digits, spaces, + or -')
    .nullable(),
  /** seconds a scanned payment code waits for the buyer before it is reversed; null: the market's default */
  code_pay_timeout_s: z.number().int().min(CODE_PAY_TIMEOUT_S_MIN).max(CODE_PAY_TIMEOUT_S_MAX).nullable(),
});
export type StallSettings = z.output<typeof stallSettingsSchema>;

export const DEFAULT_STALL_SETTINGS: StallSettings = {
  rounding: 'none',
  refund_manager_limit_fen: 5000,
  allow_price_override: true,
  price_override_floor_pct: 0,
  receipt_header: null,
  receipt_footer: '谢谢惠顾',
  stall_no: null,
  stall_phone: null,
  code_pay_timeout_s: null,
};

/** What an older server sends: every field it leaves out takes its default. */
const f = stallSettingsSchema.shape;
const d = DEFAULT_STALL_SETTINGS;
export const stallSettingsWireSchema = z
  .object({
    rounding: f.rounding.default(d.rounding),
    refund_manager_limit_fen: f.refund_manager_limit_fen.default(d.refund_manager_limit_fen),
    allow_price_override: f.allow_price_override.default(d.allow_price_override),
    price_override_floor_pct: f.price_override_floor_pct.default(d.price_override_floor_pct),
    receipt_header: f.receipt_header.default(d.receipt_header),
    receipt_footer: f.receipt_footer.default(d.receipt_footer),
    stall_no: f.stall_no.default(d.stall_no),
    stall_phone: f.stall_phone.default(d.stall_phone),
    code_pay_timeout_s: f.code_pay_timeout_s.default(d.code_pay_timeout_s),
  })
  .prefault({});
