/**
 * A terminal's Ed25519 public key, parsed once per PEM text: every signed terminal request and every
 * receipt-QR scan checks a signature with it, and parsing the PEM costs several times the
 * verification itself (bench/payments, bench/sync-drain).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { lruMemo } from '../../shared/lru-memo';

/** Terminals of a market, with room to spare. */
const KEYS_KEPT = 5000;

export const terminalPublicKey: (pem: string) => KeyObject = lruMemo(
  (pem) => createPublicKey(pem),
  KEYS_KEPT,
);
