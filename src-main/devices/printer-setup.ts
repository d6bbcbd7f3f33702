/** Builds the till's receipt printer, or the device defaults, from the command-line options. */
import type { DeviceConfig } from '../../shared/contract/devices';
import type { ReceiptPrinter } from '../print/print-queue';
import type { TerminalOptions } from '../terminal-options';
import { createPrinter } from './printer/driver';
import { PROFILES } from './printer/profiles';
import { tcpTransport } from './printer/transport-tcp';

export function printerFromOptions(opts: Pick<TerminalOptions, 'printer' | 'paper'>): ReceiptPrinter | null {
  if (!opts.printer) return null;
  const profile = opts.paper === 80 ? PROFILES['generic-80'] : PROFILES['generic-58'];
  return createPrinter({ connect: tcpTransport({ host: opts.printer.host, port: opts.printer.port }), profile });
}

/** DeviceManager defaults from --printer/--paper: used until device settings are saved in the till. */
export function deviceDefaultsFromOptions(opts: Pick<TerminalOptions, 'printer' | 'paper'>): DeviceConfig {
  return {
    printer: opts.printer ? { address: `tcp://${opts.printer.host}:${opts.printer.port}`, profile: opts.paper === 80 ? 'generic-80' : 'generic-58' } : null,
    scanner: null,
    scale: null,
  };
}
