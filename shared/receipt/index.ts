/**
 * shared/receipt: the receipt document (model.ts), its layout into padded
 * lines per paper width (layout.ts, width.ts, time.ts), the block type the
 * printer encoder consumes (blocks.ts) and the plain-text preview (preview.ts).
 * Pure code: imports only shared/, never node:*, DOM or another process.
 */
export * from './model';
export * from './blocks';
export { layoutReceipt } from './layout';
export { renderReceiptText } from './preview';
export { formatReceiptTime } from './time';
export { displayWidth, sanitizeText, wrapToWidth } from './width';
