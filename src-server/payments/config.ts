/**
 * How the server reaches its institution(s) and routes each stall (channel
 * routing). An institution's settings are what it hands a service provider at
 * signing — for the simulator, its `sim-config.json`. A stall is served by
 * `stall_routes[stall]` when given, else by the default institution with the
 * stall's own `sub_mchid` (set by staff in the stall record).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const institutionSettingsSchema = z.object({
  id: z.string().min(1).max(32).default('simpay'),
  base_url: z.string().url(),
  sp_mchid: z.string().regex(/^\d{8,12}$/),
  sp_appid: z.string().max(32),
  api_v3_key: z.string().length(32),
  platform_public_key_id: z.string().min(1).max(128),
  platform_public_key_pem: z.string().min(1),
  merchant_api: z.object({
    mchid: z.string(),
    serial_no: z.string().min(1).max(64),
    private_key_file: z.string().min(1),
  }),
});
export type InstitutionSettings = z.infer<typeof institutionSettingsSchema>;

export interface StallRoute {
  institution: string;
  sub_mchid: string;
}

/** Code pay: poll USERPAYING every `poll_ms` (3–5 s), reverse after `limit_ms` (30 s default, at most 60 s). */
export interface CodepayTiming {
  poll_ms: number;
  limit_ms: number;
}

export interface PaymentsOptions {
  institutions: InstitutionSettings[];
  /** the server's own base URL as the institution reaches it (notify_url) */
  public_url?: string;
  stall_routes?: Record<string, StallRoute>;
  codepay?: Partial<CodepayTiming>;
  /** a paying QR order with no notification after this long is queried (lost-notification recovery) */
  recover_after_ms?: number;
  /** the institution refuses splits earlier than this after payment (WeChat: 30 s) */
  split_delay_ms?: number;
  /** first wait before a split is tried again after a real failure (refused receiver, no answer); doubles each time */
  split_retry_ms?: number;
  /**
   * While a split waits out the institution's clock, look again at least this often (a simulator whose
   * clock test control moves forward); unset = wait exactly until the time the institution implies.
   */
  split_probe_ms?: number;
  /** how often the payments worker looks for due work */
  worker_poll_ms?: number;
}

export const CODEPAY_LIMIT_MAX_MS = 60_000;

export function codepayTiming(o: Partial<CodepayTiming> = {}): CodepayTiming {
  const limit = Math.min(o.limit_ms ?? 30_000, CODEPAY_LIMIT_MAX_MS);
  return { poll_ms: o.poll_ms ?? 3_000, limit_ms: limit };
}

/** Reads a simulator's `sim-config.json` (from its data directory or the file itself). */
export function loadSimSettings(dirOrFile: string): InstitutionSettings {
  const file = dirOrFile.endsWith('.json') ? dirOrFile : join(dirOrFile, 'sim-config.json');
  return institutionSettingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
