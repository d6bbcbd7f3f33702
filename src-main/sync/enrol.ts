/** Enrolment: a one-time pairing code from staff registers this terminal's public key. */
import { enrolRequestSchema, enrolResponseSchema, terminalConfigSchema } from '../../shared/sync/config';
import { replaceCatalog } from '../catalog/catalog-store';
import type { Db } from '../store/db';
import { saveIdentityFromConfig, type TerminalIdentity } from './identity';
import { callServer } from './server-client';
import { loadOrCreateKey } from './signer';

export async function enrol(db: Db, dataDir: string, serverUrl: string, pairingCode: string): Promise<TerminalIdentity> {
  const { privateKey, publicKeyPem } = loadOrCreateKey(dataDir);
  const req = enrolRequestSchema.parse({ pairing_code: pairingCode, public_key_pem: publicKeyPem });
  const { terminal_id } = await callServer(serverUrl, null, 'POST', '/api/v1/terminals/enrol', req, enrolResponseSchema);
  return pullConfig(db, serverUrl, { key: privateKey, terminalId: terminal_id });
}

export async function pullConfig(db: Db, serverUrl: string, auth: { key: import('node:crypto').KeyObject; terminalId: string }): Promise<TerminalIdentity> {
  const config = await callServer(serverUrl, auth, 'GET', '/api/v1/terminal/config', undefined, terminalConfigSchema);
  replaceCatalog(db, config.products);
  return saveIdentityFromConfig(db, serverUrl, config);
}
