/**
 * ui: how fast the cashier's screen answers, in Debian's Chromium against real server and
 * terminal processes (test/ui/stack.ts).
 * - scan: a barcode typed by the keyboard-wedge path (playwright types the EAN-13 and Enter, a
 *   few ms apart, as a USB scanner does) until the new line is in the cart's DOM (MutationObserver,
 *   before paint) and until the next frame (rAF: on screen), from the Enter that ends the scan.
 * - baseline, same run: one character typed into the search field until the filtered grid is in
 *   the DOM — the cheapest React update the till makes — so the ratio travels between machines.
 * - cold start: a fresh browser context loading the till until the selling screen (product grid)
 *   is there, measured in the page from navigation start; and the terminal process from spawn to
 *   its ready line (an already-enrolled till), reported apart.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { spawnRole, type RoleProcess } from '../bin/cli/children';
import { signedInPage, startStack } from '../test/ui/stack';
import { median, percentile, report, round } from './lib/stats';

const SCANS = 200;
const CLEAR_EVERY = 20;
const COLD_RUNS = 5;
const BARCODES = ['6901234567892', '6920152400012', '6935284400050', '6954767410388'];

// From a fresh clone the UI is not built yet: build it, so that the terminal serves this tree's renderer.
const built = spawnSync('npm', ['run', '--silent', 'build:renderer'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (built.status !== 0) throw new Error('npm run build:renderer failed');

const stack = await startStack({
  products: BARCODES.map((code, i) => ({
    code,
    name: `条码商品${i + 1}`,
    unit: 'piece' as const,
    unit_price_fen: 500 + i * 100,
    category: '条码',
  })),
});

/** Runs in the page before the app: timestamps the Enter that ends a scan and watches the cart. */
function instrument(): void {
  const w = window as unknown as {
    __t0: number;
    __want: number;
    __done: ((v: [number, number]) => void) | null;
  };
  w.__t0 = 0;
  w.__want = -1;
  w.__done = null;
  window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__t0 = performance.now()), true);
  new MutationObserver(() => {
    if (!w.__done || document.querySelectorAll('[data-testid="cart-line"]').length !== w.__want) return;
    const dom = performance.now() - w.__t0;
    const done = w.__done;
    w.__done = null;
    requestAnimationFrame(() => done([dom, performance.now() - w.__t0]));
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function scanOnce(page: Page, code: string, want: number): Promise<[number, number] | null> {
  const result = page.evaluate(
    (n) =>
      new Promise<[number, number] | null>((resolve) => {
        const w = window as unknown as { __want: number; __done: ((v: [number, number]) => void) | null };
        w.__want = n;
        w.__done = resolve;
        // Late is not lost: a loaded machine may take seconds to draw the line; only a scan never taken counts as missed.
        setTimeout(() => resolve(null), 10_000);
      }),
    want,
  );
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  return result;
}

// Whatever happens below, no server, terminal or browser outlives the bench.
let respawned: RoleProcess | null = null;
const dom: number[] = [];
const frame: number[] = [];
let missed = 0;
const cold: number[] = [];
const coreStarts: number[] = [];
const baseline: number[] = [];
try {
  const page = await signedInPage(stack);
  await page.close();
  const scanPage = await stack.browser!.newPage({ viewport: { width: 1366, height: 768 } });
  await scanPage.addInitScript(instrument);
  await scanPage.goto(stack.uiUrl);
  await scanPage.getByTestId('product-grid').waitFor();

  // Baseline: one character into the search field until the grid re-rendered.
  for (let i = 0; i < 40; i++) {
    const search = scanPage.getByTestId('search');
    await search.click();
    const t = await scanPage.evaluate(
      async (ch) => {
        const input = document.getElementById('product-search') as HTMLInputElement;
        const t0 = performance.now();
        const seen = new Promise<number>((resolve) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            resolve(performance.now() - t0);
          });
          mo.observe(document.querySelector('[data-testid="product-grid"]')!, {
            subtree: true,
            childList: true,
            characterData: true,
          });
        });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setter?.call(input, ch);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return seen;
      },
      i % 2 === 0 ? 'x' : '',
    );
    baseline.push(t);
  }
  await scanPage.getByTestId('search').fill('');
  await scanPage.locator('body').click({ position: { x: 5, y: 400 } });

  let lines = 0;
  for (let i = 0; i < SCANS; i++) {
    if (i % CLEAR_EVERY === 0 && lines > 0) {
      await scanPage.keyboard.press('F4');
      await scanPage.waitForFunction(
        () => document.querySelectorAll('[data-testid="cart-line"]').length === 0,
      );
      lines = 0;
    }
    const r = await scanOnce(scanPage, BARCODES[i % BARCODES.length] ?? '', lines + 1);
    if (r === null) {
      missed++;
      console.log(`scan ${i} (${BARCODES[i % BARCODES.length]}) not seen as a scan`);
      lines = await scanPage.locator('[data-testid="cart-line"]').count();
      continue;
    }
    lines++;
    dom.push(r[0]);
    frame.push(r[1]);
  }

  // Cold start of the page: a fresh context each time (no cache), navigation start → selling screen.
  for (let i = 0; i < COLD_RUNS; i++) {
    const ctx = await stack.browser!.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await ctx.newPage();
    await p.goto(stack.uiUrl, { waitUntil: 'commit' });
    const h = await p.waitForFunction(
      () => (document.querySelector('[data-testid="product-grid"] .product') ? performance.now() : 0),
      undefined,
      { polling: 'raf' },
    );
    cold.push(Number(await h.jsonValue()));
    await ctx.close();
  }

  // The terminal process itself, already enrolled: spawn → ready.
  await stack.terminal.stop();
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    respawned = await spawnRole('terminal', [
      '--port',
      '0',
      '--data',
      stack.terminalDir,
      '--printer',
      `tcp://127.0.0.1:${stack.printer.port}`,
    ]);
    coreStarts.push(performance.now() - t0);
    await respawned.stop();
    respawned = null;
  }
} finally {
  await respawned?.stop();
  await stack.close();
}

const sd = [...dom].sort((a, b) => a - b);
const sf = [...frame].sort((a, b) => a - b);
const base = median(baseline);
console.log(
  `scan → line in the cart's DOM: p50 ${round(percentile(sd, 50))} ms, p95 ${round(percentile(sd, 95))} ms over ${sd.length} scans (${missed} not recognised as scans)`,
);
console.log(
  `scan → next frame (on screen): p50 ${round(percentile(sf, 50))} ms, p95 ${round(percentile(sf, 95))} ms`,
);
console.log(
  `baseline, one character into the search field → grid re-rendered: median ${round(base)} ms over ${baseline.length}; scan p50 / baseline ${round(percentile(sd, 50) / base)}`,
);
console.log(
  `cold start, fresh browser context → selling screen: median ${round(median(cold))} ms over ${COLD_RUNS} (${cold.map((c) => Math.round(c)).join(', ')})`,
);
console.log(
  `terminal process spawn → ready (enrolled, tsx): median ${Math.round(median(coreStarts))} ms over ${coreStarts.length}`,
);
report({
  bench: 'ui',
  scans: sd.length,
  missed,
  scan_p50_ms: round(percentile(sd, 50)),
  scan_p95_ms: round(percentile(sd, 95)),
  scan_frame_p95_ms: round(percentile(sf, 95)),
  baseline_ms: round(base),
  ratio: round(percentile(sd, 50) / base),
  cold_start_ms: Math.round(median(cold)),
  core_start_ms: Math.round(median(coreStarts)),
});
