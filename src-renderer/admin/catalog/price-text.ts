/** What the office types as a price, checked by the same rule as the server (shared/catalog.ts). */
import { PRICE_FEN_MAX } from '../../../shared/limits';
import { parseYuan } from '../../../shared/money';

export type PriceCheck = { ok: true; fen: number } | { ok: false; error: 'bad' | 'tooHigh' };

export function checkPrice(text: string): PriceCheck {
  const fen = parseYuan(text);
  if (fen === null || fen <= 0) return { ok: false, error: 'bad' };
  if (fen > PRICE_FEN_MAX) return { ok: false, error: 'tooHigh' };
  return { ok: true, fen };
}

export const PRICE_MAX_YUAN = String(PRICE_FEN_MAX / 100);
