/**
 * Ids on every wire: whatever made them (a ULID from shared/ulid.ts, a stall's
 * own code, a staff member's id), they are non-empty and at most
 * ID_LENGTH_MAX characters, so a database column and a log line stay bounded.
 */
import { z } from 'zod';

export const ID_LENGTH_MAX = 64;
export const idSchema = z.string().min(1).max(ID_LENGTH_MAX);
