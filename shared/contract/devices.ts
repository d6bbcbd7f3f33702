/**
 * The device part of the renderer ↔ core contract: printers, scanners,
 * scales — settings, tests and live status. Merged into `contract` by methods.ts.
 * Handlers: src-main/devices/device-handlers.ts.
 */
import { z } from 'zod';

export const PRINTER_PROFILE_IDS = [
  'generic-58',
  'generic-58-raster',
  'generic-80',
  'generic-80-raster',
] as const;
export const SERIAL_BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
const baudRate = z.literal(SERIAL_BAUD_RATES);
const path = z.string().min(1).max(200);

export const printerConfigSchema = z.object({
  /** tcp://192.168.1.50[:9100] | serial:/dev/ttyUSB0[?baud=19200] | file:/dev/usb/lp0 */
  address: z.string().min(1).max(256),
  profile: z.enum(PRINTER_PROFILE_IDS),
});
export const scannerConfigSchema = z.object({
  path,
  baud_rate: baudRate,
  suffix: z.enum(['CR', 'LF', 'CRLF']),
});
export const scaleConfigSchema = z.object({
  path,
  baud_rate: baudRate,
  protocol: z.enum(['st-gs-line', 'aclas-os2x']),
});

export const deviceConfigSchema = z.object({
  printer: printerConfigSchema.nullable(),
  scanner: scannerConfigSchema.nullable(),
  scale: scaleConfigSchema.nullable(),
});
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;

export const scaleNowSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('stable'),
    weight_g: z.number().int(),
    net: z.boolean(),
    at_ms: z.number().int(),
  }),
  z.object({ state: z.literal('unstable') }),
  z.object({ state: z.literal('overload') }),
  z.object({ state: z.literal('no_data') }),
]);

const linkState = z.enum(['none', 'connecting', 'ready', 'error']);
export const deviceStatusSchema = z.object({
  printer: z.object({
    state: z.enum(['none', 'ready', 'printing', 'near_end', 'paper_out', 'cover_open', 'offline', 'error']),
    message: z.string().nullable(),
    /** jobs stored and not printed yet */
    queued: z.number().int().nonnegative(),
  }),
  scanner: z.object({
    state: linkState,
    message: z.string().nullable(),
    last_scan_ms: z.number().int().nullable(),
  }),
  scale: z.object({ state: linkState, message: z.string().nullable(), weight: scaleNowSchema }),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const serialPortSchema = z.object({
  path: z.string(),
  /** usb-printer: a /dev/usb/lp* device file (address file:PATH) */
  kind: z.enum(['serial', 'usb-printer']),
  manufacturer: z.string().nullable(),
  vendor_id: z.string().nullable(),
  product_id: z.string().nullable(),
});

export const scanResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('product'), symbology: z.enum(['ean13', 'ean8']), code: z.string() }),
  z.object({
    kind: z.literal('payment_code'),
    provider: z.enum(['wechat', 'alipay', 'unionpay']),
    code: z.string(),
  }),
  z.object({ kind: z.literal('pay_url'), url: z.string(), host: z.string(), token: z.string() }),
  z.object({
    kind: z.literal('receipt_no'),
    receipt_no: z.string(),
    terminal_id: z.string(),
    business_day: z.string(),
    seq: z.number().int(),
  }),
  z.object({ kind: z.literal('unknown'), reason: z.string(), message: z.string(), text: z.string() }),
]);

const printOutcome = z.object({ job_id: z.string(), printed: z.boolean(), error: z.string().nullable() });
const empty = z.object({});

export const devicesContract = {
  'devices-ports': {
    input: empty,
    output: z.object({ ports: z.array(serialPortSchema), error: z.string().nullable() }),
  },
  'devices-config-get': { input: empty, output: deviceConfigSchema },
  'devices-config-set': { input: deviceConfigSchema, output: deviceStatusSchema },
  'devices-status': { input: empty, output: deviceStatusSchema },
  /** Tries a device with settings not saved yet: printer status (no paper used), scanner port open (+ a scan if one comes within wait_ms), scale frames. */
  'devices-test': {
    input: z.discriminatedUnion('device', [
      z.object({ device: z.literal('printer'), config: printerConfigSchema }),
      z.object({
        device: z.literal('scanner'),
        config: scannerConfigSchema,
        wait_ms: z.number().int().min(0).max(15_000).default(0),
      }),
      z.object({
        device: z.literal('scale'),
        config: scaleConfigSchema,
        wait_ms: z.number().int().min(100).max(15_000).default(2000),
      }),
    ]),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
  'printer-test-page': { input: empty, output: printOutcome },
  'scale-read': { input: empty, output: scaleNowSchema },
  'scale-zero': { input: empty, output: z.object({ ok: z.literal(true) }) },
  'scale-tare': { input: empty, output: z.object({ ok: z.literal(true) }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export type DeviceMethodName = keyof typeof devicesContract;

/** Events the core pushes about devices (merged into CoreEvents). */
export type DeviceEvents = {
  /** any change of a device's state (printer paper out, scanner unplugged, …) */
  'device-status': DeviceStatus;
  /** a serial scan, classified; the renderer acts on it like a wedge scan */
  scan: { source: 'serial' | 'wedge'; raw: string; at_ms: number; result: z.infer<typeof scanResultSchema> };
  /** the scale's reading changed (for the live weight display) */
  scale: z.infer<typeof scaleNowSchema>;
};
