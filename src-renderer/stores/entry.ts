/** The numeric keypad: what is being entered (a new line's weight or count, a typed amount, a line's new quantity, tare or discount) and what was typed. */
import { create } from 'zustand';
import type { Product } from '../../shared/contract/methods';
import {
  LINE_AMOUNT_FEN_MAX,
  PRICE_FEN_MAX,
  QUANTITY_MAX,
  SALE_TOTAL_FEN_MAX,
  WEIGHT_G_MAX,
} from '../../shared/limits';
import { formatYuan, parseYuan } from '../../shared/money';
import type { LineEntry } from '../../shared/sales/cart';
import { isWeighed, parseWeightToGrams } from '../../shared/units';
import { coreApi } from '../transport/core-client';
import { shortWeight, weighUnit } from '../units';
import { useBargain } from './bargain';
import { cartTotal, useCart } from './cart';
import { useSession } from './session';
import { useSettings } from './settings';
import { useUi } from './ui';

export type EntryMode = 'add' | 'amount' | 'edit' | 'tare' | 'discount' | 'price' | 'round_off';

export interface EntryTarget {
  mode: EntryMode;
  product: Product;
  /** the cart line being changed (edit, tare, discount, price); round_off: the sale's first line, for its title only */
  index: number | null;
  /** editing a typed-amount line: the keypad takes money */
  money?: boolean;
  /** the text is the line's current value (改数量): Enter keeps it, the first digit typed replaces it */
  prefilled?: boolean;
}

interface EntryState {
  target: EntryTarget | null;
  text: string;
  /** why the typed text was refused (an i18n key), or null */
  invalid: string | null;
  open(product: Product, mode?: EntryMode): void;
  openLine(index: number, mode: 'edit' | 'tare' | 'discount' | 'price'): void;
  /** 抹零: the total to take, prefilled with the total less its 角 and 分 */
  openRoundOff(): void;
  setMode(mode: 'add' | 'amount'): void;
  press(key: string): void;
  setText(text: string): void;
  /** takes back the last n characters (a scanner's first keys that landed here) */
  drop(n: number): void;
  confirm(): boolean;
  cancel(): void;
  /** the scale's stable weight into the keypad (gross; tare comes off on the line) */
  readScale(): Promise<void>;
  /** 置零 / 去皮 on the connected scale */
  scaleKey(key: 'zero' | 'tare'): Promise<void>;
}

const MAX_ENTRY_CHARS = 9;

/** A line's quantity as the keypad would have it typed: net weight in the stall's unit, a count, or yuan. */
function currentText(product: Product, entry: LineEntry): string {
  switch (entry.kind) {
    case 'weight': {
      const unit = weighUnit(product, useSettings.getState().weightUnit);
      return unit ? shortWeight(entry.gross_g - entry.tare_g, unit) : '';
    }
    case 'count':
      return String(entry.count);
    case 'amount':
      return formatYuan(entry.amount_fen);
  }
}

/** Modes whose keypad takes money. */
const MONEY_MODES: readonly EntryMode[] = ['amount', 'discount', 'price', 'round_off'];
const takesMoney = (t: EntryTarget): boolean => MONEY_MODES.includes(t.mode) || t.money === true;

/** The sale's total before any 抹零 (the stall's rounding applied). */
const totalBeforeRoundOff = (): number =>
  cartTotal(
    { lines: useCart.getState().lines, roundOff: null },
    useSession.getState().info?.rounding ?? 'none',
  );

/** What the typed text means in a mode: grams (weights, tare), a count, or fen (amounts, discounts); null when it means nothing. */
export function parseEntry(target: EntryTarget, text: string): number | null {
  const { mode, product } = target;
  if (takesMoney(target)) return parseYuan(text);
  const unit = weighUnit(product, useSettings.getState().weightUnit);
  if (mode === 'tare') return unit ? parseWeightToGrams(text, unit) : null;
  if (unit) return parseWeightToGrams(text, unit);
  return /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** The most the typed value may be in a mode (shared/limits.ts): the core refuses anything above it. */
export function entryMax(target: EntryTarget): number {
  const { mode, product } = target;
  if (mode === 'price') return PRICE_FEN_MAX;
  if (mode === 'round_off') return SALE_TOTAL_FEN_MAX;
  if (takesMoney(target)) return LINE_AMOUNT_FEN_MAX;
  return mode === 'tare' || isWeighed(product.unit) ? WEIGHT_G_MAX : QUANTITY_MAX;
}

/** Whether the mode takes a decimal point (weights and money) or only whole numbers (pieces). */
const takesDecimals = (t: EntryTarget): boolean => takesMoney(t) || isWeighed(t.product.unit);

export const useEntry = create<EntryState>()((set, get) => ({
  target: null,
  text: '',
  invalid: null,
  open: (product, mode = 'add') => set({ target: { mode, product, index: null }, text: '', invalid: null }),
  openLine: (index, mode) => {
    const line = useCart.getState().lines[index];
    if (!line) return;
    if (mode === 'tare' && line.entry.kind !== 'weight') return;
    useCart.getState().select(index);
    const current =
      mode === 'edit'
        ? currentText(line.product, line.entry)
        : mode === 'price'
          ? formatYuan(line.override?.unit_price_fen ?? line.product.unit_price_fen)
          : '';
    set({
      target: {
        mode,
        product: line.product,
        index,
        money: mode === 'edit' && line.entry.kind === 'amount',
        prefilled: current !== '',
      },
      text: current,
      invalid: null,
    });
  },
  openRoundOff: () => {
    const first = useCart.getState().lines[0];
    if (!first) return;
    const take = Math.floor(totalBeforeRoundOff() / 100) * 100;
    set({
      target: { mode: 'round_off', product: first.product, index: null, prefilled: take > 0 },
      text: take > 0 ? formatYuan(take) : '',
      invalid: null,
    });
  },
  setMode: (mode) =>
    set((s) =>
      s.target && s.target.index === null ? { target: { ...s.target, mode }, text: '', invalid: null } : s,
    ),
  press: (key) =>
    set((s) => {
      if (!s.target) return s;
      // The prefilled current value goes as soon as the cashier types: a new value, not digits added to the old one.
      if (s.target.prefilled) {
        const target = { ...s.target, prefilled: false };
        if (key === 'C' || key === '⌫') return { target, text: '', invalid: null };
        if (/^[0-9.]$/.test(key)) return { target, text: key === '.' ? '0.' : key, invalid: null };
        return s;
      }
      if (key === 'C') return { text: '', invalid: null };
      if (key === '⌫') return { text: s.text.slice(0, -1), invalid: null };
      if (!/^[0-9.]$/.test(key) || s.text.length >= MAX_ENTRY_CHARS) return s;
      if (key === '.' && (s.text.includes('.') || !takesDecimals(s.target))) return s;
      return { text: s.text + key, invalid: null };
    }),
  setText: (text) => set({ text: text.slice(0, MAX_ENTRY_CHARS), invalid: null }),
  drop: (n) => set((s) => ({ text: s.text.slice(0, Math.max(0, s.text.length - n)) })),
  confirm: () => {
    const { target, text } = get();
    if (!target) return false;
    const v = parseEntry(target, text);
    if (v === null || (v <= 0 && target.mode !== 'discount')) {
      set({ invalid: 'keypad.invalid' });
      return false;
    }
    if (v > entryMax(target)) {
      set({ invalid: 'keypad.too_big' });
      return false;
    }
    const cart = useCart.getState();
    const line = target.index === null ? null : cart.lines[target.index];
    let refused: string | null = null;
    switch (target.mode) {
      case 'add':
        cart.add(
          target.product,
          isWeighed(target.product.unit)
            ? { kind: 'weight', gross_g: v, tare_g: 0 }
            : { kind: 'count', count: v },
        );
        break;
      case 'amount':
        cart.add(target.product, { kind: 'amount', amount_fen: v });
        break;
      case 'edit':
        if (!line || target.index === null) return false;
        refused = cart.setEntry(
          target.index,
          line.entry.kind === 'weight'
            ? { kind: 'weight', gross_g: v + line.entry.tare_g, tare_g: line.entry.tare_g }
            : line.entry.kind === 'count'
              ? { kind: 'count', count: v }
              : { kind: 'amount', amount_fen: v },
        );
        break;
      case 'tare':
        if (!line || target.index === null || line.entry.kind !== 'weight') return false;
        refused =
          v < line.entry.gross_g
            ? cart.setEntry(target.index, { kind: 'weight', gross_g: line.entry.gross_g, tare_g: v })
            : 'tare';
        break;
      case 'discount':
        if (target.index === null) return false;
        refused = cart.setDiscount(target.index, v);
        break;
      case 'price':
        if (!line || target.index === null) return false;
        if (v === line.product.unit_price_fen) {
          set({ invalid: 'keypad.same_price' });
          return false;
        }
        useBargain.getState().start({ kind: 'line', index: target.index, unit_price_fen: v });
        break;
      case 'round_off': {
        const before = totalBeforeRoundOff();
        if (v >= before) {
          set({ invalid: 'keypad.round_off_bad' });
          return false;
        }
        useBargain.getState().start({ kind: 'round_off', total_before_fen: before, amount_fen: before - v });
        break;
      }
    }
    if (refused !== null) {
      set({
        invalid:
          target.mode === 'tare'
            ? 'keypad.tare_too_big'
            : target.mode === 'discount'
              ? 'keypad.discount_too_big'
              : 'keypad.invalid',
      });
      return false;
    }
    set({ target: null, text: '', invalid: null });
    return true;
  },
  cancel: () => set({ target: null, text: '', invalid: null }),
  async readScale() {
    const target = get().target;
    const unit = target ? weighUnit(target.product, useSettings.getState().weightUnit) : null;
    if (!target || !unit) return;
    const r = await coreApi()['scale-read']({});
    if (!r.ok || r.value.state !== 'stable' || r.value.weight_g <= 0)
      return set({
        invalid: r.ok && r.value.state === 'unstable' ? 'keypad.scale_unstable' : 'keypad.scale_none',
      });
    set({ text: shortWeight(r.value.weight_g, unit), invalid: null });
  },
  async scaleKey(key) {
    // 置零 with the pan empty, 去皮 with the basket on it: the scale then weighs what is put in.
    const r = await coreApi()[key === 'zero' ? 'scale-zero' : 'scale-tare']({});
    if (!r.ok) useUi.getState().fail(r.error);
  },
}));
