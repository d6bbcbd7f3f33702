// @vitest-environment jsdom
// Every device method of the till contract has a caller (issue 14): the settings' device setup loads the
// saved settings and the ports, tests a choice and saves it; the weighing keypad's 置零 / 去皮; the
// waiting payment code's 查询.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../i18n';
import { DeviceSetup } from './DeviceSetup';
import { Keypad } from './Keypad';
import { TenderOutcomes } from './TenderOutcomes';
import { PRODUCTS, type FakeCore } from '../test-support/fake-core';
import { freshTill, signedIn } from '../test-support/reset';
import { useEntry } from '../stores/entry';
import { usePaymentWait } from '../stores/payment-wait';
import { useStatus } from '../stores/status';

let core: FakeCore;
beforeEach(async () => {
  core = freshTill();
  await signedIn(core);
});
afterEach(cleanup);
const called = (method: string) => core.calls.filter((c) => c.method === method).map((c) => c.input);

describe('device setup in the settings', () => {
  it('lists the ports, tests the scale on one in words, and saves the settings', async () => {
    const user = userEvent.setup();
    core.state.deviceConfig = {
      printer: null,
      scanner: null,
      scale: { path: '/dev/ttyS9', baud_rate: 9600, protocol: 'st-gs-line' },
    };
    render(<DeviceSetup />);
    expect((await screen.findByText('找到 1 个端口')).textContent).toContain('找到 1 个端口');
    const scale = screen.getByTestId('setup-scale');
    expect(within(scale).getByTestId('scale-port')).toHaveProperty('value', '/dev/ttyS9');
    // The saved port is gone: the test says so, in words.
    await user.click(within(scale).getByTestId('scale-try'));
    expect(screen.getByTestId('scale-tried').textContent).toBe(
      '测试没通过：cannot open /dev/ttyS9: no such port',
    );
    await user.clear(within(scale).getByTestId('scale-port'));
    await user.type(within(scale).getByTestId('scale-port'), '/dev/ttyUSB0');
    await user.selectOptions(within(scale).getByTestId('scale-baud'), '4800');
    expect(screen.queryByTestId('scale-tried')).toBeNull();
    await user.click(within(scale).getByTestId('scale-try'));
    expect(screen.getByTestId('scale-tried').textContent).toBe('测试通过：scale answers on /dev/ttyUSB0');
    expect(called('devices-test').at(-1)).toEqual({
      device: 'scale',
      config: { path: '/dev/ttyUSB0', baud_rate: 4800, protocol: 'st-gs-line' },
      wait_ms: 2000,
    });
    // A scanner switched on starts on the port found; the printer stays off.
    await user.click(screen.getByTestId('scanner-on'));
    expect(screen.getByTestId('scanner-port')).toHaveProperty('value', '/dev/ttyUSB0');
    await user.click(screen.getByTestId('devices-save'));
    expect(await screen.findByTestId('devices-saved')).toHaveProperty('textContent', '设备设置已保存');
    expect(core.state.deviceConfig).toEqual({
      printer: null,
      scanner: { path: '/dev/ttyUSB0', baud_rate: 9600, suffix: 'CR' },
      scale: { path: '/dev/ttyUSB0', baud_rate: 4800, protocol: 'st-gs-line' },
    });
    // The status bar follows the saved devices.
    expect(useStatus.getState().devices?.scale.state).toBe('ready');
    expect(called('devices-ports')).toHaveLength(1);
    await user.click(screen.getByTestId('ports-refresh'));
    expect(called('devices-ports')).toHaveLength(2);
  });

  it('tests a printer on the port chosen from the list', async () => {
    const user = userEvent.setup();
    render(<DeviceSetup />);
    await user.click(await screen.findByTestId('printer-on'));
    expect(screen.getByTestId('printer-address')).toHaveProperty('value', 'serial:/dev/ttyUSB0');
    await user.selectOptions(screen.getByTestId('printer-profile'), 'generic-80');
    await user.click(screen.getByTestId('printer-try'));
    expect(screen.getByTestId('printer-tried').textContent).toBe('测试通过：printer answers on /dev/ttyUSB0');
    expect(called('devices-test').at(-1)).toEqual({
      device: 'printer',
      config: { address: 'serial:/dev/ttyUSB0', profile: 'generic-80' },
    });
  });
});

describe('the weighing keypad', () => {
  it('zeroes and tares the connected scale, and shows neither without one', async () => {
    const user = userEvent.setup();
    useEntry.getState().open(PRODUCTS[1]!);
    const { rerender } = render(<Keypad />);
    expect(screen.queryByTestId('scale-zero')).toBeNull();
    useStatus.setState({
      devices: {
        printer: { state: 'none', message: null, queued: 0 },
        scanner: { state: 'none', message: null, last_scan_ms: null },
        scale: { state: 'ready', message: null, weight: { state: 'no_data' } },
      },
    });
    rerender(<Keypad />);
    await user.click(screen.getByTestId('scale-zero'));
    await user.click(screen.getByTestId('scale-tare'));
    expect(screen.getByTestId('scale-zero').textContent).toBe('置零');
    expect(screen.getByTestId('scale-tare').textContent).toBe('去皮');
    expect(core.calls.map((c) => c.method).filter((m) => m.startsWith('scale-'))).toEqual([
      'scale-zero',
      'scale-tare',
    ]);
  });
});

describe('a waiting payment code', () => {
  it('查询 asks the institution now and shows the tender paid', async () => {
    const user = userEvent.setup();
    const r = await core.api['sale-complete']({
      lines: [{ product_id: 'P3', entry: { kind: 'count', count: 2 }, discount_fen: 0 }],
      tenders: [{ kind: 'payment_code', amount_fen: 3000, auth_code: '134567890123456789' }],
    } as never);
    if (!r.ok) throw new Error(r.error.message);
    const stop = usePaymentWait.getState().watch(r.value.sale_id);
    render(<TenderOutcomes saleId={r.value.sale_id} />);
    const query = await screen.findByTestId('tender-query');
    expect(query.textContent).toBe('查询');
    core.state.paidOnQuery = true;
    await user.click(query);
    expect(called('payment-query')).toEqual([{ sale_id: r.value.sale_id }]);
    expect(usePaymentWait.getState().tenders[0]?.status).toBe('paid');
    expect(screen.queryByTestId('tender-outcomes')).toBeNull();
    stop();
  });
});
