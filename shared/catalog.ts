/**
 * What a product is made of, with errors in words: the bounds a price may take,
 * codes, EANs (GTIN check digit), categories and units. Shared by the product
 * routes, the price board, templates and imports — on the server and in the
 * staff web — so each rule is written once.
 */
import { z } from 'zod';
import { PRICE_FEN_MAX } from './limits';
import { UNITS } from './units';

/** How many prices one board save may carry. */
export const PRICE_BOARD_ROWS_MAX = 2_000;

export const unitPriceFen = z
  .number({ error: 'the price must be a number of fen' })
  .int('the price must be a whole number of fen')
  .positive('the price must be above ¥0.00')
  .max(PRICE_FEN_MAX, `the price must be at most ¥${PRICE_FEN_MAX / 100}`);

export const unitSchema = z.enum(UNITS, {
  error: `the unit must be one of ${UNITS.join(', ')} (斤, 公斤, 件)`,
});
export const codeSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,32}$/, 'the code is 1 to 32 letters, digits, - or _');
export const categorySchema = z.string().trim().max(32, 'the category is at most 32 characters');

/** GTIN-8/12/13/14: the last digit checks the others (weights 3,1 from the right). */
export function gtinValid(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() ?? 0;
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}
export const eanSchema = z
  .string()
  .trim()
  .refine(gtinValid, 'the EAN must be 8, 12, 13 or 14 digits with a correct check digit')
  .nullable();
