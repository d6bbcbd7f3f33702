/**
 * The device part of the renderer ↔ core contract: printers, scanners,
 * scales — settings, tests and live status. Merged into `contract` by methods.ts.
 */
import type { z } from 'zod';
import type { DeviceMethodName } from './device-names';

export const devicesContract = {} as const satisfies Record<DeviceMethodName, { input: z.ZodType; output: z.ZodType }>;

/** Events the core pushes about devices (merged into CoreEvents). */
export type DeviceEvents = Record<never, never>;
