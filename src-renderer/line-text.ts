/** A cart line's quantity and price in words, as the cart and the customer display show it: "2.5 斤 × 6.40元/斤 · 皮 0.5 斤". */
import type { TFunction } from 'i18next';
import { formatYuan } from '../shared/money';
import type { RungLine } from './stores/cart';
import type { WeightUnitPref } from './stores/settings';
import { lineQuantity, shortWeight } from './units';

export function lineDetail(
  t: TFunction,
  l: Pick<RungLine, 'product' | 'entry' | 'discount_fen'>,
  pref: WeightUnitPref,
): string {
  const q = lineQuantity(l.product, l.entry, pref);
  let s = q
    ? `${q.text} ${t(`units.${q.unit}`)} × ${formatYuan(l.product.unit_price_fen)}${t('catalog.per', { unit: t(`units.${l.product.unit}`) })}`
    : t('cart.typed_amount');
  if (l.entry.kind === 'weight' && l.entry.tare_g > 0 && q)
    s += ` · ${t('cart.tare_of', { w: shortWeight(l.entry.tare_g, q.unit === 'jin' ? 'jin' : 'kg'), unit: t(`units.${q.unit}`) })}`;
  if (l.discount_fen > 0) s += ` · ${t('cart.discount_of', { amount: formatYuan(l.discount_fen) })}`;
  return s;
}
