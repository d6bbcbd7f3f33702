/**
 * The common frame of the Chromium UI suites: a real stack, one signed-in page at a viewport,
 * a screenshot of the page when a test fails, and small page helpers.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { signedInPage, startStack, type Stack } from './stack';

export function useSignedInTill(
  opts: Parameters<typeof startStack>[0],
  viewport: { width: number; height: number },
  ready: (stack: Stack, page: Page) => void,
): void {
  let stack: Stack | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    stack = await startStack(opts);
    page = await signedInPage(stack, viewport);
    ready(stack, page);
  }, 90_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await page?.screenshot({ path: artifactPath(`ui-FAILED-${ctx.task.name.slice(0, 30)}.png`) });
  });
  afterAll(async () => {
    await stack?.close();
  });
}

export function pageHelpers(page: () => Page) {
  return {
    shot: (name: string): Promise<Buffer> => page().screenshot({ path: artifactPath(`ui-${name}.png`) }),
    text: async (id: string): Promise<string> => (await page().getByTestId(id).textContent()) ?? '',
  };
}
