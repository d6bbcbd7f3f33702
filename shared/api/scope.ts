/**
 * The parameters (path or query) that tie a staff call to one stall: the
 * stall itself, or a thing that belongs to one. The server resolves each to
 * its stall (404 when unknown) and refuses a stall owner any stall but theirs.
 */
export const STALL_SCOPED_PARAMS = [
  'stall_id',
  'terminal_id',
  'buyer_id',
  'product_id',
  'cashier_id',
] as const;
export type StallScopedParam = (typeof STALL_SCOPED_PARAMS)[number];

export function isStallScoped(name: string): name is StallScopedParam {
  return (STALL_SCOPED_PARAMS as readonly string[]).includes(name);
}
