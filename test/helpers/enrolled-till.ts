/** A till enrolled with a real server (by pairing code), with its signing key, ready to sell and sync. */
import type { KeyObject } from 'node:crypto';
import { findByPin, seedDefaultCashiers, type Cashier } from '../../src-main/cashiers/cashier-store';
import { openTerminalDb, type Db } from '../../src-main/store/db';
import { enrol } from '../../src-main/sync/enrol';
import type { TerminalIdentity } from '../../src-main/sync/identity';
import { loadOrCreateKey } from '../../src-main/sync/signer';
import { tempDir } from './temp';

export interface EnrolledTill {
  dir: string;
  db: Db;
  who: TerminalIdentity;
  key: KeyObject;
  cashier: Cashier;
  auth: { key: KeyObject; terminalId: string };
}

export async function enrolTill(serverUrl: string, pairingCode: string): Promise<EnrolledTill> {
  const dir = tempDir('enrolled');
  const db = openTerminalDb(dir);
  const who = await enrol(db, dir, serverUrl, pairingCode);
  seedDefaultCashiers(db);
  const cashier = findByPin(db, '1234');
  if (!cashier) throw new Error('no cashier');
  const { privateKey } = loadOrCreateKey(dir);
  return { dir, db, who, key: privateKey, cashier, auth: { key: privateKey, terminalId: who.terminal_id } };
}
