/**
 * The contract's method names alone, with no schema library: the sandboxed
 * preload binds exactly these. methods.ts is checked to define exactly these.
 */
export const METHOD_NAMES = ['session-info', 'catalog-list', 'sale-complete', 'status-get'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
