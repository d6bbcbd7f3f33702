/** Options of the terminal process (headless or Electron), parsed from its command line. */
import { parseArgs } from 'node:util';
import type { PaperWidth } from '../shared/receipt/model';

export interface TerminalOptions {
  port: number;
  dataDir?: string;
  serverUrl?: string;
  pairingCode?: string;
  printer?: { kind: 'tcp'; host: string; port: number };
  paper: PaperWidth;
}

export function parseTerminalArgs(argv: string[]): TerminalOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      server: { type: 'string' },
      pair: { type: 'string' },
      printer: { type: 'string' },
      paper: { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const str = (k: string): string | undefined =>
    typeof values[k] === 'string' ? (values[k] as string) : undefined;
  const port = Number(str('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got '${str('port')}'`);
  const paper = Number(str('paper') ?? '58');
  if (paper !== 58 && paper !== 80) throw new Error(`--paper must be 58 or 80, got '${str('paper')}'`);
  return {
    port,
    dataDir: str('data'),
    serverUrl: str('server'),
    pairingCode: str('pair'),
    printer: parsePrinter(str('printer')),
    paper,
  };
}

function parsePrinter(spec: string | undefined): TerminalOptions['printer'] {
  if (!spec) return undefined;
  const m = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(spec);
  if (!m || !m[1] || !m[2]) throw new Error(`--printer must look like tcp://HOST:PORT, got '${spec}'`);
  return { kind: 'tcp', host: m[1], port: Number(m[2]) };
}
