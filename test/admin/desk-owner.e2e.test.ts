/**
 * The stall owner's view in Chromium on a phone (375×812) against real
 * processes: a sale rung up at the stall's till shows in the owner's 日报 with
 * the weight sold, its tender and hour; the past days list today with what goes
 * to the card and when; another stall's report is refused by the API (403).
 */
import { expect, it } from 'vitest';
import { DEMO_OWNER } from '../../src-server/demo/seed';
import { seriousViolations } from '../ui/axe';
import { addByKeypad } from '../ui/stack';
import { useDesk } from './desk-stack';

const d = useDesk({ who: DEMO_OWNER, viewport: { width: 375, height: 812 } });

it("a sale at the till is in the owner's 日报 on a phone, with its weight and tender", async () => {
  const { desk, till, shot } = d();
  await addByKeypad(till, 'V004', '2.5'); // 2.5 斤 × ¥2.50 = ¥6.25
  await till.keyboard.press('F9');
  await till.keyboard.press('Enter');
  await till.getByTestId('done').waitFor();

  // The owner lands on their own 日报; the sale arrives with the till's next sync.
  await desk.getByRole('heading', { name: /今日日报/ }).waitFor();
  await expect
    .poll(
      async () => {
        await desk.reload();
        return desk.getByTestId('owner-products').innerText();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toMatch(/黄瓜\s+2\.500 斤\s+¥6\.25/);
  expect(await desk.getByTestId('owner-sales').innerText()).toContain('¥6.25');
  expect(await desk.getByTestId('owner-paid').innerText()).toContain('¥6.25');
  const pageWidth = () => desk.evaluate(() => document.documentElement.scrollWidth);
  expect(await pageWidth(), 'nothing wider than the phone').toBeLessThanOrEqual(375);
  await shot('owner-report-375');
  expect(await seriousViolations(desk)).toEqual([]);

  await desk.getByRole('button', { name: '往日与结算' }).click();
  const today = desk.getByTestId('owner-days').locator('tbody tr').first();
  await expect.poll(() => today.innerText()).toContain('¥6.25');
  expect(await today.innerText()).toContain('待结算');
  expect(await desk.getByTestId('owner-card').innerText()).toContain('尚未登记结算卡');
  expect(await pageWidth(), 'nothing wider than the phone').toBeLessThanOrEqual(375);
  await shot('owner-days-375');

  // Another stall's data: refused by the API, not only hidden by the page.
  const status = await desk.evaluate(
    async (day) => {
      const r = await fetch(`/api/v1/admin/stalls/S02/report/${day}`, { credentials: 'same-origin' });
      return r.status;
    },
    (await today.getAttribute('data-day')) ?? '',
  );
  expect(status).toBe(403);
});
