/**
 * src-main/devices/printer — receipt printing on the terminal.
 * Owns: printer profiles, ESC/POS encoding (RPE + our GB18030 layer), DLE EOT
 * status, transports (TCP 9100, serial, USB device file) and the driver.
 * Imports shared/ and Node only. The print queue (src-main/print) decides
 * when to print and keeps jobs; this folder only prints or says why not.
 *
 * Typical wiring:
 *   const spec = parsePrinterSpec('tcp://192.168.1.50:9100');
 *   const printer = createPrinter({ connect: transportFor(spec), profile: PROFILES['generic-58'] });
 *   await printer.printReceipt(doc, { kickDrawer: hasCashTender(doc) });
 */
export {
  createPrinter,
  hasCashTender,
  PROBLEM_MESSAGES,
  type PrinterOptions,
  type PrintOptions,
  type ReceiptPrinterDevice,
} from './driver';
export { encodeReceipt, type EncodeOptions } from './escpos';
export { isPrinterError, PRINTER_ERROR_CODES, PrinterError, type PrinterErrorCode } from './errors';
export { getProfile, PROFILES, type PrinterProfile, type ProfileId } from './profiles';
export { parsePrinterSpec, transportFor, type PrinterSpec } from './spec';
export {
  HEALTHY_STATUS,
  isValidStatusByte,
  parseStatus,
  statusProblem,
  type PrinterStatus,
  type StatusProblem,
  type StatusQuery,
} from './status';
export type { PrinterTransport, TransportFactory } from './transport';
export { connectFile, fileTransport } from './transport-file';
export { connectSerial, serialTransport } from './transport-serial';
export { connectTcp, tcpTransport } from './transport-tcp';
