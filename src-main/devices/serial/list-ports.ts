/**
 * Ports a cashier can choose from. SerialPort.list() needs udev on Linux and
 * rejects with "spawn udevadm ENOENT" where there is none (containers, minimal
 * installs), and it never lists ptys or usblp printers — so the usual device
 * files under /dev are listed too, and a failing list() is reported, not thrown.
 */
import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';

export interface PortInfo {
  path: string;
  kind: 'serial' | 'usb-printer';
  manufacturer: string | null;
  vendor_id: string | null;
  product_id: string | null;
}

export interface PortList {
  ports: PortInfo[];
  /** why the system list was unavailable, when it was */
  error: string | null;
}

type Lister = () => Promise<
  Array<{ path: string; manufacturer?: string; vendorId?: string; productId?: string }>
>;

const DEV_PATTERNS: ReadonlyArray<[string, RegExp, PortInfo['kind']]> = [
  ['/dev', /^tty(USB|ACM)\d+$/, 'serial'],
  ['/dev', /^ttyS[0-3]$/, 'serial'],
  ['/dev/serial/by-id', /./, 'serial'],
  ['/dev/usb', /^lp\d+$/, 'usb-printer'],
];
const PORTS_MAX = 64;

async function devFiles(): Promise<PortInfo[]> {
  const out: PortInfo[] = [];
  for (const [dir, pattern, kind] of DEV_PATTERNS) {
    const names = await readdir(dir).catch((): string[] => []);
    for (const name of names.filter((n) => pattern.test(n)).sort())
      out.push({ path: `${dir}/${name}`, kind, manufacturer: null, vendor_id: null, product_id: null });
  }
  return out;
}

export async function listPorts(list: Lister = () => SerialPort.list()): Promise<PortList> {
  let error: string | null = null;
  let system: PortInfo[] = [];
  try {
    system = (await list()).map((p) => ({
      path: p.path,
      kind: 'serial',
      manufacturer: p.manufacturer ?? null,
      vendor_id: p.vendorId ?? null,
      product_id: p.productId ?? null,
    }));
  } catch (err) {
    error = `the system port list is unavailable (${err instanceof Error ? err.message : String(err)}); showing device files instead — any path can also be typed in`;
  }
  const seen = new Set(system.map((p) => p.path));
  const ports = [...system, ...(await devFiles()).filter((p) => !seen.has(p.path))];
  return { ports: ports.slice(0, PORTS_MAX), error };
}
