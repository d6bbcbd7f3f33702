/** A pay stack for the calling test file, a cashier signed in on its till: started before all its tests, closed after all. */
import { afterAll, beforeAll } from 'vitest';
import { startPayStack, type PayStack } from './stack';

export function payStackSession(...args: Parameters<typeof startPayStack>): { s: PayStack } {
  const session = {} as { s: PayStack };
  beforeAll(async () => {
    session.s = await startPayStack(...args);
    await session.s.core.handlers['cashier-signin']({ pin: '1234' });
  }, 60_000);
  afterAll(async () => session.s?.close());
  return session;
}
