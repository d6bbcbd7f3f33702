/** Staff roles: admin runs the market, finance keeps the books, a stall owner sees only their own stall. */
import { z } from 'zod';

export const STAFF_ROLES = ['admin', 'finance', 'stall_owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRoleSchema = z.enum(STAFF_ROLES);

export const ALL_STAFF: readonly StaffRole[] = STAFF_ROLES;
export const MARKET_STAFF: readonly StaffRole[] = ['admin', 'finance'];
export const ADMIN_ONLY: readonly StaffRole[] = ['admin'];
