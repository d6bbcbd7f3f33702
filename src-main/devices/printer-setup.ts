/** The device defaults from the command-line options (--printer, --paper). */
import type { DeviceConfig } from '../../shared/contract/devices';
import type { TerminalOptions } from '../terminal-options';

/** DeviceManager defaults from --printer/--paper: used until device settings are saved in the till. */
export function deviceDefaultsFromOptions(opts: Pick<TerminalOptions, 'printer' | 'paper'>): DeviceConfig {
  return {
    printer: opts.printer
      ? {
          address: `tcp://${opts.printer.host}:${opts.printer.port}`,
          profile: opts.paper === 80 ? 'generic-80' : 'generic-58',
        }
      : null,
    scanner: null,
    scale: null,
  };
}
