/**
 * A printer address as typed in settings or on the command line:
 *   tcp://192.168.1.50[:9100]   serial:/dev/ttyUSB0[?baud=19200]   file:/dev/usb/lp0
 */
import type { TransportFactory } from './transport';
import { fileTransport } from './transport-file';
import { serialTransport } from './transport-serial';
import { tcpTransport } from './transport-tcp';

export type PrinterSpec =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'file'; path: string };

const BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200];

/** Parses a printer address; null when it is not one (the caller reports the input error). */
export function parsePrinterSpec(spec: string): PrinterSpec | null {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9a-fA-F:]{2,39}\])(?::(\d{1,5}))?\/?$/.exec(spec.trim());
  if (tcp?.[1]) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: tcp[1].replace(/^\[|\]$/g, ''), port };
  }
  const serial = /^serial:([^?\s]{1,200})(?:\?baud=(\d{3,6}))?$/.exec(spec.trim());
  if (serial?.[1]) {
    const baudRate = serial[2] === undefined ? 9600 : Number(serial[2]);
    return BAUD_RATES.includes(baudRate) ? { kind: 'serial', path: serial[1], baudRate } : null;
  }
  const file = /^file:(\/[^\s]{1,200})$/.exec(spec.trim());
  if (file?.[1]) return { kind: 'file', path: file[1] };
  return null;
}

export function transportFor(spec: PrinterSpec): TransportFactory {
  switch (spec.kind) {
    case 'tcp':
      return tcpTransport({ host: spec.host, port: spec.port });
    case 'serial':
      return serialTransport({ path: spec.path, baudRate: spec.baudRate });
    case 'file':
      return fileTransport({ path: spec.path });
  }
}
