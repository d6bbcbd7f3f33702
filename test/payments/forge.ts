/**
 * Notifications made by the test rather than delivered by the simulator: a
 * replay of a delivered one, one signed with the institution's real platform
 * key but saying something else (as a buggy or compromised sender would), and
 * forgeries (another key, an altered body).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { encryptResource } from '../../src-sim/protocol/aead';
import { loadOrCreateIdentity } from '../../src-sim/protocol/keys';
import { platformHeaders } from '../../src-sim/protocol/sign';

export interface TxResource {
  sp_mchid?: string;
  sub_mchid: string;
  out_trade_no: string;
  transaction_id: string;
  trade_state: 'SUCCESS';
  amount: { total: number; payer_total?: number; currency?: string };
}

export function transactionBody(simDir: string, resource: TxResource, id = randomUUID()): string {
  const ident = loadOrCreateIdentity(simDir);
  return JSON.stringify({
    id,
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptResource(JSON.stringify(resource), ident.apiV3Key, 'transaction', 'transaction'),
  });
}

/** Posts a body to the server's notify endpoint, signed with the platform key (or another key: a forgery). */
export async function postNotification(
  serverUrl: string,
  simDir: string,
  body: string,
  o: { forgeKey?: boolean; alterAfterSigning?: boolean } = {},
): Promise<number> {
  const ident = loadOrCreateIdentity(simDir);
  const key = o.forgeKey
    ? generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      }).privateKey
    : ident.platformPrivatePem;
  const headers = platformHeaders(body, key, ident.platformSerial);
  const sent = o.alterAfterSigning ? body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') : body;
  const res = await fetch(`${serverUrl}/api/v1/payments/notify/simpay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: sent,
  });
  await res.text();
  return res.status;
}
