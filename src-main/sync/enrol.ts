/** Enrolment: a one-time pairing code from staff registers this terminal's public key. */
import { api } from '../../shared/api';
import type { KeyObject } from 'node:crypto';
import { enrolRequestSchema } from '../../shared/sync/config';
import { replaceCatalog } from '../catalog/catalog-store';
import type { Db } from '../store/db';
import { replaceBuyers } from '../buyers/buyer-store';
import { replaceCashiers } from '../cashiers/cashier-store';
import { saveTillSettings } from '../store/till-settings';
import { saveIdentityFromConfig, type TerminalIdentity } from './identity';
import { callServer } from './server-client';
import { loadOrCreateKey } from './signer';
import { tx } from '../store/sql';

export async function enrol(
  db: Db,
  dataDir: string,
  serverUrl: string,
  pairingCode: string,
): Promise<TerminalIdentity> {
  const { privateKey, publicKeyPem } = loadOrCreateKey(dataDir);
  const req = enrolRequestSchema.parse({ pairing_code: pairingCode, public_key_pem: publicKeyPem });
  const { terminal_id } = await callServer({ url: serverUrl, auth: null }, api.terminalEnrol, { body: req });
  return pullConfig(db, serverUrl, { key: privateKey, terminalId: terminal_id });
}

export async function pullConfig(
  db: Db,
  serverUrl: string,
  auth: { key: KeyObject; terminalId: string },
): Promise<TerminalIdentity> {
  const config = await callServer({ url: serverUrl, auth }, api.terminalConfig, {});
  tx(db, () => {
    replaceCatalog(db, config.products);
    if (config.cashiers.length > 0) replaceCashiers(db, config.cashiers);
    replaceBuyers(db, config.buyers);
    saveTillSettings(db, config.settings);
  });
  return saveIdentityFromConfig(db, serverUrl, config);
}
