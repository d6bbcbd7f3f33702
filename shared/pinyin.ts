/** The initials of a product name's pinyin (大白菜 → dbc): what a cashier or the office types to find it. */
import { pinyin } from 'pinyin-pro';

export function initialsOf(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
