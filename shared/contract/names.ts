/**
 * The contract's method names alone, with no schema library: the sandboxed
 * preload binds exactly these. methods.ts is checked to define exactly these.
 */
import { DEVICE_METHOD_NAMES } from './device-names';

export const CORE_METHOD_NAMES = ['session-info', 'catalog-list', 'sale-complete', 'status-get'] as const;
export const METHOD_NAMES = [...CORE_METHOD_NAMES, ...DEVICE_METHOD_NAMES] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
