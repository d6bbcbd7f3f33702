/**
 * Stall settings on the desk, in Chromium against real processes: an 抹零 rule
 * set on the desk reaches the connected till at once and changes the total of
 * the sale being rung up, which is then paid at the rounded total; the stall's
 * number, phone, receipt header and footer set with it are on the receipt the
 * printer emulator decodes. A bad field is named in words and nothing is saved.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { seriousViolations } from '../ui/axe';
import { addByKeypad } from '../ui/stack';
import { useDesk } from './desk-stack';

const d = useDesk();

describe('stall settings in Chromium at 1366×768', () => {
  it('an 抹零 rule set on the desk changes the next sale’s total at the till', async () => {
    const { desk, till, shot } = d();
    await addByKeypad(till, 'V004', '1.1'); // 1.1 斤 × ¥2.50 = ¥2.75
    await expect.poll(() => till.getByTestId('cart-total').innerText()).toContain('2.75');

    // Every page of the menu on one line at the desk's 1366 px.
    const tops = await desk
      .getByRole('navigation')
      .getByRole('button')
      .evaluateAll((tabs) => tabs.map((b) => b.getBoundingClientRect().top));
    expect(tops.length).toBe(11);
    expect(new Set(tops).size, 'the menu wraps').toBe(1);
    await desk.getByRole('button', { name: '摊位设置' }).click();
    await desk.getByLabel('抹分（12.34 → 12.30）').check();
    await desk.getByLabel('摊位号').fill('东区 A-12');
    await desk.getByLabel('摊位电话').fill('138 1234 5678');
    await desk.getByLabel('小票抬头').fill('诚信经营 童叟无欺');
    await desk.getByLabel('小票结尾').fill('谢谢惠顾，欢迎再来');
    await desk.getByLabel('改价最低可到标价的（%）').fill('80');
    await desk.getByLabel('付款码等待顾客确认（秒）').fill('5');
    await desk.getByRole('button', { name: '保存并下发' }).click();
    await desk.getByRole('alert').getByText('付款码等待时间请输入 15 到 60 秒，或留空').waitFor();
    await desk.getByLabel('付款码等待顾客确认（秒）').fill('45');
    await desk.getByLabel('收银员可直接退款的金额上限（元），超过需店长密码').fill('abc');
    await desk.getByRole('button', { name: '保存并下发' }).click();
    await desk.getByRole('alert').getByText('请输入金额').waitFor();
    await desk.getByLabel('收银员可直接退款的金额上限（元），超过需店长密码').fill('100');
    await desk.getByRole('button', { name: '保存并下发' }).click();
    await desk.getByText('已保存，收银机已收到新设置').waitFor();
    await shot('settings-saved');
    expect(await seriousViolations(desk)).toEqual([]);

    await expect.poll(() => till.getByTestId('cart-total').innerText(), { timeout: 3_000 }).toContain('2.70');
    expect(await till.getByTestId('cart-rounding').innerText()).toContain('-0.05');
    await till.screenshot({ path: artifactPath('desk-till-rounded.png') });
    await till.keyboard.press('F9');
    await till.keyboard.press('Enter');
    await till.getByTestId('done').waitFor();
    expect(await till.getByTestId('done').innerText()).toContain('2.70');
    const job = await d().stack.printer.waitForJobs(1, 10_000);
    const text = job.at(-1)?.text ?? '';
    for (const words of [
      '诚信经营 童叟无欺',
      '摊位 东区 A-12',
      '电话 138 1234 5678',
      '谢谢惠顾，欢迎再来',
      '2.70',
    ])
      expect(text).toContain(words);

    // What the desk saved is what it shows again.
    await desk.reload();
    await desk.getByRole('button', { name: '摊位设置' }).click();
    expect(await desk.getByLabel('付款码等待顾客确认（秒）').inputValue()).toBe('45');
    expect(await desk.getByLabel('改价最低可到标价的（%）').inputValue()).toBe('80');

    // The same page in English, its menu on one line too.
    await desk.getByRole('button', { name: 'English' }).click();
    await desk.getByLabel('A payment code waits for the buyer (seconds)').waitFor();
    const enTops = await desk
      .getByRole('navigation')
      .getByRole('button')
      .evaluateAll((tabs) => tabs.map((b) => b.getBoundingClientRect().top));
    expect(new Set(enTops).size, 'the English menu wraps').toBe(1);
    await shot('settings-en');
    await desk.getByRole('button', { name: '中文' }).click();
  });
});
