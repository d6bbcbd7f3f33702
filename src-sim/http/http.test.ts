import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { WxClient } from '../testing/client';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const q = () =>
  `/v3/pay/partner/transactions/out-trade-no/NOPE000001?sp_mchid=${h.cfg.sp_mchid}&sub_mchid=1600000000`;

describe('API v3 transport', () => {
  it('answers errors in WeChat shape, signed with the platform key', async () => {
    const r = await h.api.call('GET', q());
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ code: 'NO_AUTH', message: expect.any(String) });
    expect(r.verified).toBe(true);
    expect(r.headers.get('request-id')).toBeTruthy();
  });

  it('refuses a request signed with the wrong key', async () => {
    const r = await new WxClient(h.cfg, { privateKeyPem: pair().privateKey }).call('GET', q());
    expect([r.status, r.body.code, r.verified]).toEqual([401, 'SIGN_ERROR', true]);
  });

  it('refuses a stale timestamp (older than 5 minutes)', async () => {
    const r = await new WxClient(h.cfg, {
      timestamp: () => String(Math.floor(Date.now() / 1000) - 301),
    }).call('GET', q());
    expect([r.status, r.body.code]).toEqual([401, 'SIGN_ERROR']);
  });

  it('refuses a body modified after signing', async () => {
    const body = { sp_mchid: h.cfg.sp_mchid, sub_mchid: '1600000000' };
    const r = await new WxClient(h.cfg, { tamper: (s) => s.replace('1600000000', '1600000001') }).call(
      'POST',
      '/v3/pay/partner/transactions/out-trade-no/X123456/close',
      body,
    );
    expect([r.status, r.body.code]).toEqual([401, 'SIGN_ERROR']);
  });

  it('refuses a missing Authorization header and an unregistered serial', async () => {
    const res = await fetch(h.cfg.base_url + q());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('SIGN_ERROR');
    const r = await new WxClient(h.cfg, { serialNo: 'DEADBEEF' }).call('GET', q());
    expect(r.status).toBe(401);
  });

  it('registers a merchant key through the portal (token required) and then accepts its signatures', async () => {
    const k = pair();
    const body = JSON.stringify({
      mchid: h.cfg.sp_mchid,
      serial_no: 'NEWKEY01',
      public_key_pem: k.publicKey,
    });
    const denied = await fetch(h.cfg.portal.register_key_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sim-Portal-Token': 'wrong' },
      body,
    });
    expect(denied.status).toBe(403);
    const ok = await fetch(h.cfg.portal.register_key_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sim-Portal-Token': h.cfg.portal.token },
      body,
    });
    expect(ok.status).toBe(204);
    const r = await new WxClient(h.cfg, { privateKeyPem: k.privateKey, serialNo: 'NEWKEY01' }).call(
      'GET',
      q(),
    );
    expect(r.status).toBe(403); // past the signature check: the sub-merchant does not exist
  });

  it('registers a merchant key dropped as a file in merchant-keys/<mchid>/<serial>.pem', async () => {
    const k = pair();
    mkdirSync(join(h.cfg.merchant_keys_dir, h.cfg.sp_mchid), { recursive: true });
    writeFileSync(join(h.cfg.merchant_keys_dir, h.cfg.sp_mchid, 'FILEKEY1.pem'), k.publicKey);
    const r = await new WxClient(h.cfg, { privateKeyPem: k.privateKey, serialNo: 'FILEKEY1' }).call(
      'GET',
      q(),
    );
    expect(r.status).toBe(403);
  });

  it('injects SYSTEM_ERROR and slow answers on the next N calls only', async () => {
    await h.control('POST', '/faults', { kind: 'system_error', count: 2 });
    expect((await h.api.call('GET', q())).body.code).toBe('SYSTEM_ERROR');
    const second = await h.api.call('GET', q());
    expect([second.status, second.verified]).toEqual([500, true]);
    expect((await h.api.call('GET', q())).body.code).toBe('NO_AUTH');
    await h.control('POST', '/faults', { kind: 'slow', count: 1, delay_ms: 300 });
    const t0 = Date.now();
    await h.api.call('GET', q());
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('answers unknown paths with 404 RESOURCE_NOT_EXISTS', async () => {
    const r = await h.api.call('GET', '/v3/nothing/here');
    expect([r.status, r.body.code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
  });
});

describe('process lifecycle', () => {
  it('creates keys on first start, reuses them later, and keeps test control off by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'simpay-life-'));
    try {
      const a = await startHarness({ dir, testControl: false });
      const cfgA = a.cfg;
      expect(cfgA.api_v3_key).toHaveLength(32);
      expect(cfgA.platform_public_key_id).toMatch(/^PUB_KEY_ID_/);
      expect(readFileSync(cfgA.merchant_api.private_key_file, 'utf8')).toContain('PRIVATE KEY');
      expect((await fetch(`${a.sim.url}/sim/control/clock`)).status).toBe(404);
      await a.close();
      const b = await startHarness({ dir });
      expect([b.cfg.sp_mchid, b.cfg.api_v3_key, b.cfg.platform_public_key_pem]).toEqual([
        cfgA.sp_mchid,
        cfgA.api_v3_key,
        cfgA.platform_public_key_pem,
      ]);
      expect((await b.api.call('GET', `/v3/merchants/${b.cfg.sp_mchid}/balance`)).status).toBe(200);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
