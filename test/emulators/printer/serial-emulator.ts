/**
 * The emulated printer on a serial line: opens the device end of a pty pair
 * (test/devices/socat.ts) and plays an ESC/POS printer on it. Pass the same
 * EmulatedPrinter to a new emulator to model a printer whose cable was pulled
 * and plugged back in: its jobs and state carry over.
 */
import { SerialPort } from 'serialport';
import { EmulatedPrinter } from './printer-core';

export interface SerialPrinterEmulator {
  readonly printer: EmulatedPrinter;
  close(): Promise<void>;
}

export async function startSerialPrinterEmulator(
  path: string,
  printer = new EmulatedPrinter(),
  baudRate = 9600,
): Promise<SerialPrinterEmulator> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const link = printer.connect((bytes) => port.write(Buffer.from(bytes)));
  port.on('data', (chunk: Buffer) => link.receive(chunk));
  port.on('error', () => undefined);
  return {
    printer,
    close: () =>
      new Promise((resolve) => {
        printer.disconnect(link);
        if (port.isOpen) port.close(() => resolve());
        else resolve();
      }),
  };
}
