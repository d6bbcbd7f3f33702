/**
 * The reconciliation ports over a real (or simulated) institution speaking
 * WeChat Pay v3: the trade bill is applied for with a signed request whose
 * signed answer carries the SHA-1 and a short-lived download URL; the file
 * itself comes unsigned (as at WeChat) and is streamed, never buffered.
 * Queries and "mark paid" go through the payments code, so a lost
 * notification recovered here books exactly what the notification would have.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ServerDb } from '../db/database';
import type { InstitutionSettings } from '../payments/config';
import type { PaymentsContext } from '../payments/context';
import { applyPaid } from '../payments/orders';
import { authorization, merchantKey, platformKey, verifySignature } from '../payments/wechat-v3';
import type { BillDownload, ReconPorts } from './ports';
import type { InstResult } from '../payments/institution';

export const BILL_APPLY_TIMEOUT_MS = 10_000;
export const BILL_DOWNLOAD_TIMEOUT_MS = 120_000;

const applySchema = z.object({
  hash_type: z.literal('SHA1'),
  hash_value: z.string().regex(/^[0-9a-f]{40}$/i),
  download_url: z.string().url(),
});

export function institutionReconPorts(
  db: ServerDb,
  payments: PaymentsContext,
  s: InstitutionSettings,
  now: () => number = Date.now,
): ReconPorts {
  const key = merchantKey(
    s.merchant_api.mchid,
    s.merchant_api.serial_no,
    readFileSync(s.merchant_api.private_key_file, 'utf8'),
  );
  const platform = platformKey(s.platform_public_key_id, s.platform_public_key_pem);
  const base = s.base_url.replace(/\/+$/, '');
  const inst = () => {
    const i = payments.institutions.get(s.id) ?? payments.institutions.get(payments.default_institution);
    if (!i) throw new Error('no institution configured');
    return i;
  };

  async function fetchBill(billDate: string): Promise<InstResult<BillDownload | null>> {
    const url = `/v3/bill/tradebill?bill_date=${billDate}&bill_type=ALL`;
    let raw: string;
    let res: Response;
    try {
      res = await fetch(base + url, {
        headers: { Authorization: authorization(key, 'GET', url, '', now()), Accept: 'application/json' },
        signal: AbortSignal.timeout(BILL_APPLY_TIMEOUT_MS),
      });
      raw = await res.text();
    } catch (e) {
      return { kind: 'unknown', message: e instanceof Error ? e.message : String(e) };
    }
    const v = verifySignature(platform, (n) => res.headers.get(n) ?? undefined, raw, now());
    if (!v.ok) return { kind: 'unknown', message: `bill application answer refused: ${v.reason}` };
    const body: unknown = JSON.parse(raw || 'null');
    if (res.status >= 400) {
      const e = z.object({ code: z.string(), message: z.string() }).safeParse(body);
      if (e.success && e.data.code === 'NO_STATEMENT_EXIST') return { kind: 'ok', value: null };
      return {
        kind: 'refused',
        status: res.status,
        code: e.success ? e.data.code : `HTTP_${res.status}`,
        message: e.success ? e.data.message : raw.slice(0, 200),
      };
    }
    const a = applySchema.safeParse(body);
    if (!a.success) return { kind: 'unknown', message: 'bill application answer has an unexpected shape' };
    const dl = new URL(a.data.download_url);
    const path = dl.pathname + dl.search;
    const file = await fetch(base + path, {
      headers: { Authorization: authorization(key, 'GET', path, '', now()) },
      signal: AbortSignal.timeout(BILL_DOWNLOAD_TIMEOUT_MS),
    });
    if (!file.ok || file.body === null)
      return { kind: 'unknown', message: `bill download answered ${file.status}` };
    return {
      kind: 'ok',
      value: { sha1: a.data.hash_value, body: Readable.fromWeb(file.body as WebReadableStream<Uint8Array>) },
    };
  }

  return {
    fetchBill,
    queryTrade: (sub, no) => inst().query(sub, no),
    queryRefund: (sub, no) => inst().queryRefund(sub, no),
    markPaid: (no, tx, nowMs) =>
      applyPaid(
        db,
        payments,
        no,
        { transaction_id: tx.transaction_id, amount_fen: tx.amount_fen, channel: tx.channel },
        nowMs,
      ),
  };
}
