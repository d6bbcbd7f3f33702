// Configuration by version: when staff change a price on the server, an online till pulls the new
// catalog, applies it, and announces it to the UI; a till that cannot reach the server sells on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/in-process-stack';
import { writeServerDb } from '../helpers/server-db';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ configPullMs: 0, background: false });
});
afterAll(() => stack.close());

describe('configuration pull', () => {
  it('applies a new catalog version after a sync, and says so', async () => {
    const announced: number[] = [];
    stack.core.events.on('config', (c) => announced.push(c.version));
    const before = (await stack.core.handlers['catalog-list']({})).products.find((p) => p.code === 'V001');
    expect(before?.unit_price_fen).toBe(120);
    await writeServerDb(stack.serverDir, (sdb) => {
      sdb.prepare("UPDATE product SET unit_price_fen = 150 WHERE stall_id = 'S01' AND code = 'V001'").run();
      sdb.prepare("UPDATE stall SET config_version = config_version + 1 WHERE id = 'S01'").run();
    });
    await stack.core.sync.runOnce();
    await expect
      .poll(
        async () =>
          (await stack.core.handlers['catalog-list']({})).products.find((p) => p.code === 'V001')
            ?.unit_price_fen,
      )
      .toBe(150);
    expect(announced).toHaveLength(1);
    expect(stack.core.identity.config_version).toBe(announced[0]);
  });
});
