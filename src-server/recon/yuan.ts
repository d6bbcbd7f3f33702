/**
 * 元 strings from the institution's bill to integer fen, with integer
 * arithmetic only: "12.34" → 1234, "-0.05" → -5, "0.07000" (WeChat prints
 * fees with five decimals) → 7. Digits past the fen are rounded half up
 * (away from zero), as the institution rounds its fees.
 */
export const YUAN_MAX_CHARS = 24;
const YUAN_RE = /^(-?)(\d{1,14})(?:\.(\d{1,8}))?$/;

export function yuanToFen(text: string): number {
  if (text.length > YUAN_MAX_CHARS) throw new RangeError(`amount too long: ${text.slice(0, 32)}`);
  const m = YUAN_RE.exec(text);
  if (m === null) throw new RangeError(`not an amount in 元: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '0', frac = ''] = m;
  const cents = frac.padEnd(2, '0');
  let fen = Number(whole) * 100 + Number(cents.slice(0, 2));
  const rest = cents.slice(2);
  if (rest.length > 0 && rest.charCodeAt(0) >= 53 /* '5' */) fen += 1;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount out of range: ${text}`);
  return sign === '-' && fen !== 0 ? -fen : fen;
}
