// Enrolment through a lost answer, on both dialects (issue 20): the same code and key retried within the
// code's lifetime get the same terminal, another key or a late retry is refused; a half-done enrolment is
// listed as such with when and from where, and staff can cancel it (the key refused with a clear message).
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { expect, it } from 'vitest';
import { SIGNATURE_HEADERS } from '../../shared/api/headers';
import type { TerminalView } from '../../shared/api/terminals';
import { signingString } from '../../shared/sync/signing';
import { PAIRING_CODE_TTL_MS } from '../../src-server/terminals/terminals';
import { describeEachDialect } from './helpers/dialects';
import { useTestServer } from './helpers/server';

const keyPair = (): { pem: string; key: KeyObject } => {
  const k = generateKeyPairSync('ed25519');
  return { pem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(), key: k.privateKey };
};

describeEachDialect('enrolment through a lost answer', (dialect) => {
  let offsetMs = 0;
  const s = useTestServer(dialect, { now: () => Date.now() + offsetMs });
  const create = async (stall = 'S02'): Promise<{ terminal_id: string; pairing_code: string }> => {
    const c = await s().call('admin', 'POST', `/api/v1/admin/stalls/${stall}/terminals`, {
      name: '3号收银台',
    });
    expect(c.status).toBe(201);
    return c.body as { terminal_id: string; pairing_code: string };
  };
  const enrol = (pairing_code: string, public_key_pem: string) =>
    s().call('anon', 'POST', '/api/v1/terminals/enrol', { pairing_code, public_key_pem });
  const enrolFrom = async (pairing_code: string, public_key_pem: string, ip: string) => {
    const r = await s().app.inject({
      method: 'POST',
      url: '/api/v1/terminals/enrol',
      payload: { pairing_code, public_key_pem },
      remoteAddress: ip,
    });
    return { status: r.statusCode, body: r.json() as unknown };
  };
  const config = async (terminalId: string, key: KeyObject) => {
    const path = '/api/v1/terminal/config';
    const ts = Date.now();
    const nonce = randomUUID();
    const digest = createHash('sha256').update('').digest('hex');
    const sig = sign(null, Buffer.from(signingString('GET', path, ts, nonce, digest)), key).toString(
      'base64',
    );
    const r = await s().app.inject({
      method: 'GET',
      url: path,
      headers: {
        [SIGNATURE_HEADERS.terminal]: terminalId,
        [SIGNATURE_HEADERS.timestamp]: String(ts),
        [SIGNATURE_HEADERS.nonce]: nonce,
        [SIGNATURE_HEADERS.signature]: sig,
      },
    });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };
  const listed = async (id: string, stall = 'S02'): Promise<TerminalView | undefined> =>
    (
      (await s().call('admin', 'GET', `/api/v1/admin/stalls/${stall}/terminals`)).body as {
        terminals: TerminalView[];
      }
    ).terminals.find((t) => t.id === id);

  it('answers a retry with the same code and key as the first time, and refuses another key', async () => {
    const { terminal_id, pairing_code } = await create();
    expect(await listed(terminal_id)).toMatchObject({
      status: 'pending',
      pending_step: 'code',
      enrolled_ms: null,
      enrolled_from: null,
    });
    const a = keyPair();
    const first = await enrolFrom(pairing_code, a.pem, '10.1.2.3');
    expect(first).toMatchObject({ status: 200, body: { terminal_id } });
    // The answer lost on the way: the same code and key again, the same answer.
    expect(await enrol(pairing_code, a.pem)).toMatchObject({ status: 200, body: { terminal_id } });
    // The same key with other line breaks is the same key.
    expect(await enrol(pairing_code, a.pem.replace(/\n/g, '\r\n'))).toMatchObject({
      status: 200,
      body: { terminal_id },
    });
    const b = keyPair();
    expect(await enrol(pairing_code, b.pem)).toMatchObject({
      status: 409,
      body: { error: { code: 'pairing_code_invalid' } },
    });
    expect((await config(terminal_id, b.key)).body).toMatchObject({ error: { code: 'bad_signature' } });
    const half = await listed(terminal_id);
    expect(half).toMatchObject({ status: 'active', pending_step: 'config', enrolled_from: '10.1.2.3' });
    expect(half?.enrolled_ms).toBeGreaterThan(0);
    expect(half?.configured_ms).toBeNull();
    // The first configuration pull completes it; the same code and key still get the same answer.
    expect(await config(terminal_id, a.key)).toMatchObject({ status: 200, body: { terminal_id } });
    expect(await listed(terminal_id)).toMatchObject({ pending_step: null, status: 'active' });
    expect((await listed(terminal_id))?.configured_ms).toBeGreaterThan(0);
    expect(await enrol(pairing_code, a.pem)).toMatchObject({ status: 200, body: { terminal_id } });
  });

  it('cancels a half-done enrolment: the key is refused with a clear message, the code dead, audited', async () => {
    const { terminal_id, pairing_code } = await create();
    const a = keyPair();
    expect((await enrol(pairing_code, a.pem)).status).toBe(200);
    const url = `/api/v1/admin/terminals/${terminal_id}/cancel-enrolment`;
    expect((await s().call('finance', 'POST', url)).status).toBe(403);
    expect((await s().call('anon', 'POST', url)).status).toBe(401);
    expect(
      await s().call('admin', 'POST', url, undefined, { 'x-csrf-token': 'not-the-token' }),
    ).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    expect((await listed(terminal_id))?.pending_step).toBe('config');
    expect(await s().call('admin', 'POST', url)).toMatchObject({
      status: 200,
      body: { id: terminal_id, status: 'revoked', pending_step: null },
    });
    const retry = await enrol(pairing_code, a.pem);
    expect(retry).toMatchObject({ status: 403, body: { error: { code: 'terminal_revoked' } } });
    expect((retry.body as { error: { message: string } }).error.message).toMatch(
      /cancelled.*new pairing code/,
    );
    expect(await config(terminal_id, a.key)).toMatchObject({
      status: 403,
      body: { error: { code: 'terminal_revoked' } },
    });
    expect((await enrol(pairing_code, keyPair().pem)).status).toBe(409);
    expect(await s().call('admin', 'POST', url)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    const audit = await s()
      .fresh.db.selectFrom('audit_log')
      .select(['action', 'target', 'staff_id'])
      .where('action', '=', 'terminalEnrolCancel')
      .execute();
    expect(audit).toEqual([{ action: 'terminalEnrolCancel', target: terminal_id, staff_id: 'U01' }]);
  });

  it('cancels an outstanding code, and refuses to cancel a finished enrolment or an unknown terminal', async () => {
    const outstanding = await create();
    const cancel = (id: string) =>
      s().call('admin', 'POST', `/api/v1/admin/terminals/${id}/cancel-enrolment`);
    expect((await cancel(outstanding.terminal_id)).status).toBe(200);
    expect(await enrol(outstanding.pairing_code, keyPair().pem)).toMatchObject({
      status: 409,
      body: { error: { code: 'pairing_code_invalid' } },
    });
    const done = await create();
    const a = keyPair();
    await enrol(done.pairing_code, a.pem);
    expect((await config(done.terminal_id, a.key)).status).toBe(200);
    expect(await cancel(done.terminal_id)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    expect((await config(done.terminal_id, a.key)).status).toBe(200);
    expect((await cancel('TNOPE1')).status).toBe(404);
  });

  it('refuses the same code and key after the code’s lifetime', async () => {
    const { terminal_id, pairing_code } = await create();
    const a = keyPair();
    expect((await enrol(pairing_code, a.pem)).status).toBe(200);
    offsetMs = PAIRING_CODE_TTL_MS + 1000;
    try {
      expect(await enrol(pairing_code, a.pem)).toMatchObject({
        status: 409,
        body: { error: { code: 'pairing_code_invalid' } },
      });
      const late = await create();
      expect((await enrol(late.pairing_code, a.pem)).status).toBe(200);
    } finally {
      offsetMs = 0;
    }
    // Still listed as half done, for staff to cancel.
    expect((await listed(terminal_id))?.pending_step).toBe('config');
  });
});
