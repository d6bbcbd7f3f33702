/** Buyers' answers as the HTTP contract declares them (shared/api/buyers.ts). */
import type { z } from 'zod';
import type { buyerViewSchema, statementViewSchema } from '../../../shared/api/buyers';

export type BuyerRow = z.output<typeof buyerViewSchema>;
export type StatementData = z.output<typeof statementViewSchema>;
