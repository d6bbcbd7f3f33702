/**
 * The real processes a cashier's screen talks to, for the Chromium tests and
 * bench/ui.ts: a printer emulator on TCP 9100-style loopback, the server with
 * demo data (plus buyers and barcoded products added through its admin API
 * before the terminal enrols), the terminal in browser mode, and Chromium.
 */
import { DEFAULT_STALL_SETTINGS, type StallSettings } from '../../shared/stall-settings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnRole, type RoleProcess } from '../../bin/cli/children';
import { DEMO_PAIRING_FILE } from '../../src-server/main';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { startPrinterEmulator, type PrinterEmulator } from '../emulators/printer/emulator';
import { launchChromium } from '../helpers/browser';
import { tempDir } from '../helpers/temp';

export interface StackOptions {
  buyers?: { name: string; credit_limit_fen: number }[];
  products?: {
    code: string;
    name: string;
    unit: 'jin' | 'kg' | 'piece';
    unit_price_fen: number;
    category: string;
  }[];
  browser?: boolean;
  /** the stall's till settings, set on the desk before the till enrols (the rest as the desk's defaults) */
  settings?: Partial<StallSettings>;
}

export interface Stack {
  printer: PrinterEmulator;
  server: RoleProcess;
  terminal: RoleProcess;
  browser: Browser | null;
  uiUrl: string;
  /** the customer display's page, with the same launch token */
  displayUrl: string;
  serverDir: string;
  terminalDir: string;
  stopServer(): Promise<void>;
  /** the same server again, same port and data: the terminal's address still holds */
  startServer(): Promise<void>;
  close(): Promise<void>;
}

async function admin(
  url: string,
  path: string,
  body: unknown,
  session: { cookie: string; csrf: string } | null,
  method: 'POST' | 'PUT' = 'POST',
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  const res = await fetch(`${url}${path}`, { method, headers, body: JSON.stringify(body) });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  if (!session) return { json, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  return json;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const printer = await startPrinterEmulator({ host: '127.0.0.1', port: 0 });
  const serverDir = tempDir('ui-server');
  const terminalDir = tempDir('ui-terminal');
  let server = await spawnRole('server', ['--port', '0', '--data', serverDir, '--demo']);
  const port = new URL(server.url).port;
  if ((opts.buyers?.length ?? 0) + (opts.products?.length ?? 0) > 0 || opts.settings) {
    const login = (await admin(server.url, '/api/v1/admin/login', DEMO_STAFF, null)) as {
      json: { csrf_token: string };
      cookie: string;
    };
    const session = { cookie: login.cookie, csrf: login.json.csrf_token };
    for (const b of opts.buyers ?? [])
      await admin(server.url, '/api/v1/admin/stalls/S01/buyers', { ...b, phone: null }, session);
    for (const p of opts.products ?? [])
      await admin(server.url, '/api/v1/admin/stalls/S01/products', p, session);
    if (opts.settings)
      await admin(
        server.url,
        '/api/v1/admin/stalls/S01/settings',
        { ...DEFAULT_STALL_SETTINGS, ...opts.settings },
        session,
        'PUT',
      );
  }
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  const terminal = await spawnRole('terminal', [
    '--port',
    '0',
    '--data',
    terminalDir,
    '--server',
    server.url,
    '--pair',
    pairing_code,
    '--printer',
    `tcp://127.0.0.1:${printer.port}`,
  ]);
  const uiUrl = (await terminal.waitForLine(/^ui (\S+)/))[1] ?? '';
  const displayUrl = (await terminal.waitForLine(/^display (\S+)/))[1] ?? '';
  const browser = opts.browser === false ? null : await launchChromium();
  const stack: Stack = {
    printer,
    get server() {
      return server;
    },
    terminal,
    browser,
    uiUrl,
    displayUrl,
    serverDir,
    terminalDir,
    stopServer: () => server.stop(),
    async startServer() {
      server = await spawnRole('server', ['--port', port, '--data', serverDir]);
    },
    async close() {
      await browser?.close();
      await terminal.stop();
      await server.stop();
      await printer.close();
    },
  };
  return stack;
}

/** A page at a cashier's screen size, signed in with a PIN. */
export async function signedInPage(
  stack: Stack,
  opts: { pin?: string; width?: number; height?: number } = {},
): Promise<Page> {
  if (!stack.browser) throw new Error('stack started without a browser');
  const page = await stack.browser.newPage({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 },
    bypassCSP: true,
  }); // bypassCSP: only so axe-core can be injected
  // Fail a step within seconds, with the locator in the message, rather than at the test's timeout.
  page.setDefaultTimeout(8_000);
  await page.goto(stack.uiUrl);
  await page.getByTestId('pin').fill(opts.pin ?? '1234');
  await page.getByTestId('signin').click();
  await page.getByTestId('product-grid').waitFor();
  return page;
}

/** Adds a product by tapping it and typing its weight or count on the keypad. */
export async function addByKeypad(page: Page, code: string, quantity: string): Promise<void> {
  await page.getByTestId(`product-${code}`).click();
  for (const k of quantity) await page.getByTestId(`key-${k}`).click();
  await page.getByTestId('keypad-ok').click();
  await page.getByTestId('keypad').waitFor({ state: 'detached' });
}
