/** ULIDs for ids that cross machines (shared/ulid.ts), random bits from Node's CSPRNG. */
import { randomFillSync } from 'node:crypto';
import { ulidFactory } from '../shared/ulid';

export const newId: (nowMs: number) => string = ulidFactory(randomFillSync);
