// The admin API on both dialects: market, stalls, terminals (create → pairing code → enrol → revoke), staff, catalog, buyers, fees, audit.
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { SIGNATURE_HEADERS } from '../../shared/api/headers';
import { signingString } from '../../shared/sync/signing';
import { expect, it } from 'vitest';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

function signed(
  terminalId: string,
  key: KeyObject,
  method: string,
  path: string,
  body = '',
): Record<string, string> {
  const ts = Date.now();
  const nonce = randomUUID();
  const digest = createHash('sha256').update(body).digest('hex');
  const sig = sign(null, Buffer.from(signingString(method, path, ts, nonce, digest)), key).toString('base64');
  return {
    [SIGNATURE_HEADERS.terminal]: terminalId,
    [SIGNATURE_HEADERS.timestamp]: String(ts),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: sig,
  };
}

describeEachDialect('admin API', (dialect) => {
  const s = useTestServer(dialect);

  it('reads and changes the market, validating the time zone', async () => {
    expect(await s().call('finance', 'GET', '/api/v1/admin/market')).toMatchObject({
      status: 200,
      body: { time_zone: 'Asia/Shanghai', day_cutoff_hour: 4 },
    });
    expect(
      (
        await s().call('admin', 'PUT', '/api/v1/admin/market', {
          name: '城南市场',
          time_zone: 'Mars/Base',
          day_cutoff_hour: 4,
        })
      ).status,
    ).toBe(400);
    expect(
      await s().call('admin', 'PUT', '/api/v1/admin/market', {
        name: '城南市场',
        time_zone: 'Asia/Urumqi',
        day_cutoff_hour: 5,
      }),
    ).toMatchObject({ status: 200, body: { time_zone: 'Asia/Urumqi' } });
    expect(
      (
        await s().call('finance', 'PUT', '/api/v1/admin/market', {
          name: 'x',
          time_zone: 'UTC',
          day_cutoff_hour: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('creates a stall with its sub-merchant id and settlement account, and updates it', async () => {
    const c = await s().call('admin', 'POST', '/api/v1/admin/stalls', {
      name: '赵记菌菇',
      sub_mchid: '1900000109',
      settlement_account: '6222 0000 1111 2222',
    });
    expect(c.status).toBe(201);
    const id = (c.body as { id: string }).id;
    const u = await s().call('admin', 'PATCH', `/api/v1/admin/stalls/${id}`, {
      settlement_account: '6222 9999',
    });
    expect(u.body).toMatchObject({ id, sub_mchid: '1900000109', settlement_account: '6222 9999' });
    const list = await s().call('finance', 'GET', '/api/v1/admin/stalls');
    expect((list.body as { stalls: { id: string }[] }).stalls.map((x) => x.id)).toContain(id);
    expect((await s().call('owner1', 'GET', '/api/v1/admin/stalls')).body).toMatchObject({
      stalls: [{ id: 'S01' }],
    });
  });

  it('creates a terminal with a pairing code that enrols one key, and revokes it', async () => {
    const c = await s().call('admin', 'POST', '/api/v1/admin/stalls/S02/terminals', { name: '2号收银台' });
    expect(c.status).toBe(201);
    const { terminal_id, pairing_code } = c.body as { terminal_id: string; pairing_code: string };
    const keys = generateKeyPairSync('ed25519');
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      await s().call('anon', 'POST', '/api/v1/terminals/enrol', { pairing_code, public_key_pem: pem }),
    ).toMatchObject({ status: 200, body: { terminal_id } });
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      await s().call('anon', 'POST', '/api/v1/terminals/enrol', { pairing_code, public_key_pem: other }),
    ).toMatchObject({ status: 409, body: { error: { code: 'pairing_code_invalid' } } });
    const config = () =>
      s().app.inject({
        method: 'GET',
        url: '/api/v1/terminal/config',
        headers: signed(terminal_id, keys.privateKey, 'GET', '/api/v1/terminal/config'),
      });
    expect((await config()).json()).toMatchObject({ terminal_id, stall_id: 'S02', buyers: [] });
    expect(await s().call('admin', 'POST', `/api/v1/admin/terminals/${terminal_id}/revoke`)).toMatchObject({
      status: 200,
      body: { status: 'revoked' },
    });
    const refused = await config();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'terminal_revoked' } });
    const list = await s().call('owner2', 'GET', '/api/v1/admin/stalls/S02/terminals');
    expect(
      (list.body as { terminals: { id: string; status: string }[] }).terminals.find(
        (t) => t.id === terminal_id,
      )?.status,
    ).toBe('revoked');
  });

  it('creates staff; a stall owner needs a stall; usernames are unique', async () => {
    expect(
      (
        await s().call('admin', 'POST', '/api/v1/admin/staff', {
          username: 'o3',
          password: 'long enough pass',
          role: 'stall_owner',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await s().call('admin', 'POST', '/api/v1/admin/staff', {
          username: 'o3',
          password: 'long enough pass',
          role: 'stall_owner',
          stall_id: 'S03',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await s().call('admin', 'POST', '/api/v1/admin/staff', {
          username: 'o3',
          password: 'long enough pass',
          role: 'finance',
          stall_id: null,
        })
      ).status,
    ).toBe(409);
    expect((await s().login('o3', 'long enough pass')).status).toBe(200);
    const list = await s().call('admin', 'GET', '/api/v1/admin/staff');
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('keeps a stall catalog; a price change bumps the config version the terminal pulls', async () => {
    const before = (
      (await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01')).body as { config_version: number }
    ).config_version;
    const c = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/products', {
      code: 'V007',
      name: '菠菜',
      unit: 'jin',
      unit_price_fen: 350,
      category: '叶菜',
    });
    expect(c.status).toBe(201);
    expect(
      (
        await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/products', {
          code: 'V007',
          name: '菠菜',
          unit: 'jin',
          unit_price_fen: 350,
        })
      ).status,
    ).toBe(409);
    const id = (c.body as { id: string }).id;
    expect(
      await s().call('owner1', 'PATCH', `/api/v1/admin/products/${id}`, { unit_price_fen: 380 }),
    ).toMatchObject({ status: 200, body: { unit_price_fen: 380 } });
    expect(
      (await s().call('owner1', 'PATCH', `/api/v1/admin/products/${id}`, { unit_price_fen: 1.5 })).status,
    ).toBe(400);
    const after = (
      (await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01')).body as { config_version: number }
    ).config_version;
    expect(after).toBe(before + 2);
  });

  it('keeps buyers with credit limits per stall', async () => {
    const c = await s().call('owner1', 'POST', '/api/v1/admin/stalls/S01/buyers', {
      name: '刘记饭店',
      credit_limit_fen: 500000,
    });
    expect(c).toMatchObject({ status: 201, body: { credit_limit_fen: 500000, owed_fen: 0 } });
    const id = (c.body as { id: string }).id;
    expect(
      await s().call('owner1', 'PATCH', `/api/v1/admin/buyers/${id}`, { credit_limit_fen: 800000 }),
    ).toMatchObject({ status: 200, body: { credit_limit_fen: 800000 } });
    expect(
      (await s().call('owner1', 'PATCH', `/api/v1/admin/buyers/${id}`, { credit_limit_fen: -1 })).status,
    ).toBe(400);
    expect((await s().call('finance', 'GET', '/api/v1/admin/stalls/S01/buyers')).body).toMatchObject({
      buyers: [{ id, name: '刘记饭店' }],
    });
  });

  it('replaces the fee schedule and answers what applies to a stall', async () => {
    const put = await s().call('finance', 'PUT', '/api/v1/admin/fees', {
      rules: [
        { stall_id: null, kind: 'trade_commission', rate_bp: 30, fixed_fen: 0 },
        { stall_id: 'S01', kind: 'trade_commission', rate_bp: 20, fixed_fen: 0 },
        { stall_id: 'S01', kind: 'rent', rate_bp: 0, fixed_fen: 300000 },
      ],
    });
    expect(put.status).toBe(200);
    expect(
      (
        await s().call('finance', 'PUT', '/api/v1/admin/fees', {
          rules: [{ stall_id: 'NOPE', kind: 'rent', rate_bp: 0, fixed_fen: 1 }],
        })
      ).status,
    ).toBe(404);
    const own = await s().call('owner1', 'GET', '/api/v1/admin/stalls/S01/fees');
    expect(
      (own.body as { rules: { kind: string; rate_bp: number }[] }).rules.find(
        (r) => r.kind === 'trade_commission',
      )?.rate_bp,
    ).toBe(20);
    const other = await s().call('owner2', 'GET', '/api/v1/admin/stalls/S02/fees');
    expect((other.body as { rules: { kind: string; rate_bp: number }[] }).rules).toEqual([
      { stall_id: null, kind: 'trade_commission', rate_bp: 30, fixed_fen: 0 },
    ]);
  });

  it('audits every staff action, without secrets', async () => {
    const r = await s().call('admin', 'GET', '/api/v1/admin/audit?limit=200');
    const entries = (r.body as { entries: { action: string; detail: string; staff_id: string | null }[] })
      .entries;
    const actions = entries.map((e) => e.action);
    for (const a of [
      'staffLogin',
      'stallCreate',
      'terminalCreate',
      'terminalRevoke',
      'staffCreate',
      'productCreate',
      'feeSchedulePut',
      'buyerUpdate',
    ])
      expect(actions).toContain(a);
    expect(JSON.stringify(entries)).not.toContain('long enough pass');
  });
});
