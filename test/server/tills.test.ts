// Till settings and cashiers on both dialects: set by staff, served in the terminal config with PIN
// hashes in the format the till verifies, and each change bumps the config version.
import { expect, it } from 'vitest';
import { verifyPin as tillVerifies } from '../../src-main/cashiers/pin';
import { terminalConfig } from '../../src-server/terminals/terminals';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

describeEachDialect('tills', (dialect) => {
  const s = useTestServer(dialect);

  it('serves settings and cashiers in the config, bumping its version', async () => {
    const { db } = s().fresh;
    const before = await terminalConfig(db, s().pairing.terminal_id);
    expect(before.settings).toEqual({
      rounding: 'none',
      refund_manager_limit_fen: 5000,
      allow_price_override: true,
    });
    expect(before.cashiers).toEqual([]);
    const put = await s().call('owner1', 'PUT', '/api/v1/admin/stalls/S01/settings', {
      rounding: 'floor_jiao',
      refund_manager_limit_fen: 10_000,
      allow_price_override: false,
    });
    expect(put.status).toBe(200);
    expect(
      (
        await s().call('owner1', 'PUT', '/api/v1/admin/stalls/S01/settings', {
          rounding: 'round_to_mars',
          refund_manager_limit_fen: 1,
          allow_price_override: true,
        })
      ).status,
    ).toBe(400);
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
    expect(after.settings).toEqual({
      rounding: 'floor_jiao',
      refund_manager_limit_fen: 10_000,
      allow_price_override: false,
    });
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
