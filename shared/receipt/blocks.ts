/**
 * What a laid-out receipt is made of. Layout (layout.ts) produces these; the
 * ESC/POS encoder (src-main/devices/printer) and the preview (preview.ts)
 * consume them. Text is final: already sanitized and padded.
 */
import { COLUMNS, type PaperWidth } from './model';

/**
 * normal: 1×1. tall: double height, same columns. big: double width and
 * height, so only half the columns fit.
 */
export type TextSize = 'normal' | 'tall' | 'big';

export type ReceiptBlock =
  /** One printed line, padded to exactly blockColumns() columns (CJK = 2). */
  | { kind: 'text'; text: string; bold: boolean; size: TextSize; align: 'left' | 'center' | 'right' }
  /** A QR code holding `data` (the pay URL), printed centered. */
  | { kind: 'qr'; data: string }
  /** Blank paper, e.g. so the cut does not go through the footer. */
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** Columns a text line of this size has on this paper. */
export function columnsFor(size: TextSize, width: PaperWidth): number {
  const cols = COLUMNS[width];
  return size === 'big' ? Math.floor(cols / 2) : cols;
}

/** How many printer columns a character of this size takes (its width scale). */
export function widthScale(size: TextSize): 1 | 2 {
  return size === 'big' ? 2 : 1;
}
