// The device setup in Chromium against the real core (issue 14, every till contract method has a caller):
// an Aclas scale on a socat pty pair is switched on in the settings, tested (the result in words) and saved;
// then the weighing keypad's 去皮 and 置零 reach the scale as its host commands. Screenshots go to test-artifacts/.
import type { SerialPort } from 'serialport';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aclasFrame } from '../../src-main/devices/scale/framers';
import { closePort, openDevice, ptyPair, send, type PtyPair } from '../devices/socat';
import { seriousViolations } from './axe';
import { pageHelpers, useSignedInTill } from './session';

let page: Page;
let pair: PtyPair;
let scale: SerialPort;
let frames: ReturnType<typeof setInterval>;
const received: number[] = [];

beforeAll(async () => {
  pair = await ptyPair();
  scale = await openDevice(pair.b);
  scale.on('data', (d: Buffer) => received.push(...d));
  // The scale sends its stable weight ten times a second, as a real one does.
  frames = setInterval(() => void send(scale, aclasFrame('S', '1.250')), 100);
});
afterAll(async () => {
  clearInterval(frames);
  await closePort(scale);
  await pair.close();
});
useSignedInTill(undefined, { width: 1024, height: 768 }, (_s, p) => {
  page = p;
});
const { shot, text } = pageHelpers(() => page);

describe('device setup in Chromium', () => {
  it('a scale on a serial port: tested in words, saved, then tared and zeroed from the keypad', async () => {
    await page.keyboard.press('F8');
    await page.getByTestId('scale-on').check();
    await page.getByTestId('scale-port').fill(pair.a);
    await page.getByTestId('scale-protocol').selectOption('aclas-os2x');
    await page.getByTestId('scale-try').click();
    await expect.poll(() => text('scale-tried'), { timeout: 10_000 }).toContain('测试通过');
    await page.getByTestId('devices-save').click();
    await page.getByTestId('devices-saved').waitFor();
    await shot('device-setup');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('F1');
    await page.getByTestId('product-V001').click();
    await page.getByTestId('scale-tare').click({ timeout: 10_000 });
    await page.getByTestId('scale-zero').click();
    await expect
      .poll(() => Buffer.from(received).toString('latin1'), { timeout: 5_000 })
      .toBe('<TK>\t<ZK>\t');
    await shot('keypad-scale-keys');
    await page.getByTestId('read-scale').click();
    await expect.poll(() => text('entry')).toContain('2.5');
  });
});
