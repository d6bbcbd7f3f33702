/**
 * The contract's method names alone, with no schema library: the renderer's
 * HTTP client binds exactly these. methods.ts is checked to define exactly these.
 */
import { DEVICE_METHOD_NAMES, DISPLAY_METHOD_NAMES } from './device-names';

export const CORE_METHOD_NAMES = ['session-info', 'catalog-list', 'status-get'] as const;
export const TILL_METHOD_NAMES = [
  'cashier-signin',
  'cashier-signout',
  'buyers-list',
  'price-override',
  'sale-complete',
  'sale-park',
  'parked-list',
  'sale-resume',
  'sale-void',
  'sales-recent',
  'refund-create',
  'shift-open',
  'shift-close',
  'shift-current',
  'day-report',
  'day-close',
  'sale-detail',
  'sale-reprint',
  'payment-query',
  'sale-add-tender',
  'tender-cancel',
  'sale-void-open',
] as const;
export const METHOD_NAMES = [...CORE_METHOD_NAMES, ...TILL_METHOD_NAMES, ...DEVICE_METHOD_NAMES, ...DISPLAY_METHOD_NAMES] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
