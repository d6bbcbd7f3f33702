// Till settings and cashiers on both dialects: set by staff, served in the terminal config with PIN
// hashes in the format the till verifies, and each change bumps the config version.
import { expect, it } from 'vitest';
import { verifyPin as tillVerifies } from '../../src-main/cashiers/pin';
import { terminalConfig } from '../../src-server/terminals/terminals';
import { DEFAULT_STALL_SETTINGS } from '../../shared/stall-settings';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

const SET = {
  rounding: 'floor_jiao',
  refund_manager_limit_fen: 10_000,
  allow_price_override: false,
  price_override_floor_pct: 80,
  receipt_header: '诚信经营 童叟无欺',
  receipt_footer: '谢谢惠顾，欢迎再来',
  stall_no: 'A-12',
  stall_phone: '138 0000 0000',
  code_pay_timeout_s: 45,
} as const;

describeEachDialect('tills', (dialect) => {
  const s = useTestServer(dialect);

  it('serves settings and cashiers in the config, bumping its version', async () => {
    const { db } = s().fresh;
    const before = await terminalConfig(db, s().pairing.terminal_id);
    expect(before.settings).toEqual(DEFAULT_STALL_SETTINGS);
    expect(before.cashiers).toEqual([]);
    const put = await s().call('owner1', 'PUT', '/api/v1/admin/stalls/S01/settings', SET);
    expect(put).toMatchObject({ status: 200, body: SET });
    for (const bad of [
      { rounding: 'round_to_mars' },
      { refund_manager_limit_fen: -1 },
      { price_override_floor_pct: 101 },
      { receipt_header: '抬'.repeat(33) },
      { receipt_footer: '谢谢\x1b@' },
      { stall_no: '' },
      { stall_phone: '138-abc' },
      { code_pay_timeout_s: 5 },
      { code_pay_timeout_s: 61 },
    ]) {
      const r = await s().call('owner1', 'PUT', '/api/v1/admin/stalls/S01/settings', { ...SET, ...bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    // The setting missing from an old client's body is refused too, not reset.
    const { stall_no: _, ...partial } = SET;
    expect((await s().call('owner1', 'PUT', '/api/v1/admin/stalls/S01/settings', partial)).status).toBe(400);
    expect((await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/settings')).body).toEqual(SET);
    const c = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/cashiers', {
      name: '王店长',
      role: 'manager',
      pin: '8642',
    });
    expect(c).toMatchObject({ status: 201, body: { name: '王店长', role: 'manager', active: true } });
    expect(
      (
        await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/cashiers', {
          name: 'x',
          role: 'cashier',
          pin: '12',
        })
      ).status,
    ).toBe(400);
    const list = await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/cashiers');
    expect(JSON.stringify(list.body)).not.toContain('scrypt');

    const after = await terminalConfig(db, s().pairing.terminal_id);
    expect(after.version).toBe((before.version ?? 0) + 2);
    expect(after.settings).toEqual(SET);
    expect(after.cashiers).toHaveLength(1);
    expect(after.cashiers?.[0]).toMatchObject({ name: '王店长', role: 'manager' });
    expect(tillVerifies('8642', after.cashiers?.[0]?.pin_hash ?? '')).toBe(true);
    expect(tillVerifies('0000', after.cashiers?.[0]?.pin_hash ?? '')).toBe(false);

    const id = (c.body as { id: string }).id;
    expect(await s().call('owner1', 'POST', `/api/v1/admin/cashiers/${id}/deactivate`)).toMatchObject({
      status: 200,
      body: { active: false },
    });
    expect((await terminalConfig(db, s().pairing.terminal_id)).cashiers).toEqual([]);
  });
});
