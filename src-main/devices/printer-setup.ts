/** Builds the till's receipt printer from its options (null when none is configured). */
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
