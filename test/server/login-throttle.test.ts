// Login throttling per account and source together, with growing waits instead of a lock for everyone, and
// the reverse-proxy settings: X-Forwarded-* believed only from the trusted proxies (Secure cookie, HSTS).
import { expect, it } from 'vitest';
import { buildApp } from '../../src-server/app';
import { parseTrustedProxies } from '../../src-server/http/trust-proxy';
import { LOGIN_DELAY_MS_MIN, LOGIN_FREE_FAILURES, loginDelayMs } from '../../src-server/staff/rate-limit';
import { describeEachDialect } from './helpers/dialects';
import { PASSWORDS, useTestServer } from './helpers/server';

let clock = Date.UTC(2026, 11, 4, 9, 0, 0);
const tick = (ms: number) => (clock += ms);

describeEachDialect('login throttling', (dialect) => {
  const s = useTestServer(dialect, { now: () => clock });

  it('an attacker hammering one account from one address cannot keep its owner, or that address’s other accounts, out', async () => {
    const attacker = '10.9.9.9';
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++)
      expect((await s().login('owner2', 'wrong password', attacker)).status).toBe(401);
    // From now on the attacker's address waits before each guess at owner2, a wait that grows.
    for (let i = 0; i < 5; i++) {
      const r = await s().login('owner2', 'wrong password', attacker);
      expect(r).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The right password still gets in from another source, at once; other accounts behind the attacker's address too.
    expect((await s().login('owner2', PASSWORDS.owner2, '10.1.2.3')).status).toBe(200);
    expect((await s().login('owner1', PASSWORDS.owner1, attacker)).status).toBe(200);
    // After its wait the attacker may guess once more; a failure doubles the next wait.
    tick(LOGIN_DELAY_MS_MIN);
    expect((await s().login('owner2', 'wrong password', attacker)).status).toBe(401);
    tick(LOGIN_DELAY_MS_MIN);
    expect((await s().login('owner2', 'wrong password', attacker)).status).toBe(429);
    tick(LOGIN_DELAY_MS_MIN);
    expect((await s().login('owner2', 'wrong password', attacker)).status).toBe(401);
    // The audit log carries the alert (once, when the waits began) and each refused try.
    const audit = JSON.stringify((await s().call('admin', 'GET', '/api/v1/admin/audit?limit=100')).body);
    expect(audit.match(/staffLoginThrottled/g)).toHaveLength(1);
    expect(audit).toContain('staffLoginRateLimited');
  });

  it('waits grow from nothing to a ceiling', () => {
    expect(loginDelayMs(LOGIN_FREE_FAILURES - 1)).toBe(0);
    expect(loginDelayMs(LOGIN_FREE_FAILURES)).toBe(LOGIN_DELAY_MS_MIN);
    expect(loginDelayMs(LOGIN_FREE_FAILURES + 1)).toBe(2 * LOGIN_DELAY_MS_MIN);
    expect(loginDelayMs(10_000)).toBe(15 * 60 * 1000);
  });

  it('behind a trusted proxy with X-Forwarded-Proto: https the cookie is Secure and HSTS is on; from an untrusted address not', async () => {
    const app = buildApp({ db: s().fresh.db, trustProxy: parseTrustedProxies('127.0.0.1, 10.0.0.0/8') });
    const login = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/admin/login',
        remoteAddress,
        payload: { username: 'finance', password: PASSWORDS.finance },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      });
    const trusted = await login('10.20.30.40');
    expect(trusted.statusCode).toBe(200);
    expect(String(trusted.headers['set-cookie'])).toMatch(/; Secure/);
    expect(trusted.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    const untrusted = await login('192.168.1.50');
    expect(untrusted.statusCode).toBe(200);
    expect(String(untrusted.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    // The trusted proxy's X-Forwarded-For is the address login throttling counts.
    const audit = await s()
      .fresh.db.selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'staffLogin')
      .orderBy('at_ms', 'desc')
      .execute();
    expect(audit.map((a) => a.ip)).toContain('203.0.113.7');
    expect(audit.map((a) => a.ip)).toContain('192.168.1.50');
    await app.close();
  });
});

it('refuses a trusted-proxy setting that is not a list of addresses or CIDR blocks', () => {
  expect(parseTrustedProxies(undefined)).toEqual([]);
  expect(parseTrustedProxies('::1,fd00::/8')).toEqual(['::1', 'fd00::/8']);
  for (const bad of ['true', '10.0.0.0/33', 'example.com', '10.0.0.1/8/1'])
    expect(() => parseTrustedProxies(bad), bad).toThrow(/not an IP address/);
});
