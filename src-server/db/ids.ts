/** ULIDs for rows made on hot paths (shared/ulid.ts), random bits from Node's CSPRNG. */
import { randomFillSync } from 'node:crypto';
import { ulidFactory } from '../../shared/ulid';

export const fastUlid: (nowMs: number) => string = ulidFactory(randomFillSync);
