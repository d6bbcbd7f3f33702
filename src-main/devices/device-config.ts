/**
 * Device settings: the contract's DeviceConfig, kept in the setting table
 * (one JSON value under DEVICE_CONFIG_KEY) and turned into drivers. A saved
 * value that no longer parses is ignored (defaults apply), never fatal.
 */
import { deviceConfigSchema, type DeviceConfig } from '../../shared/contract/devices';
import { CodedError } from '../../shared/contract/envelope';
import { getSetting, setSetting } from '../store/settings';
import type { Db } from '../store/db';
import { createPrinter, type PrinterOptions, type ReceiptPrinterDevice } from './printer/driver';
import { PROFILES } from './printer/profiles';
import { parsePrinterSpec, transportFor, type PrinterSpec } from './printer/spec';

export const DEVICE_CONFIG_KEY = 'devices.config';
export const NO_DEVICES: DeviceConfig = { printer: null, scanner: null, scale: null };

export interface DeviceConfigStore {
  load(): DeviceConfig | null;
  save(config: DeviceConfig): void;
}

export function settingsConfigStore(db: Db): DeviceConfigStore {
  return {
    load() {
      const raw = getSetting(db, DEVICE_CONFIG_KEY);
      if (raw === null) return null;
      try {
        const parsed = deviceConfigSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(config) {
      setSetting(db, DEVICE_CONFIG_KEY, JSON.stringify(config));
    },
  };
}

export function printerSpecOf(config: NonNullable<DeviceConfig['printer']>): PrinterSpec {
  const spec = parsePrinterSpec(config.address);
  if (spec === null)
    throw new CodedError(
      'bad_request',
      `'${config.address}' is not a printer address: use tcp://HOST[:PORT], serial:/dev/ttyUSB0[?baud=9600] or file:/dev/usb/lp0`,
    );
  return spec;
}

export type PrinterTimeouts = Pick<
  PrinterOptions,
  'statusTimeoutMs' | 'confirmPollMs' | 'confirmMsMax' | 'heldMsMax'
>;

/** PROFILES[config.profile] compiles only while every profile the contract offers exists. */
export function printerFromConfig(
  config: NonNullable<DeviceConfig['printer']>,
  timeouts: PrinterTimeouts = {},
): ReceiptPrinterDevice {
  return createPrinter({
    connect: transportFor(printerSpecOf(config)),
    profile: PROFILES[config.profile],
    ...timeouts,
  });
}
