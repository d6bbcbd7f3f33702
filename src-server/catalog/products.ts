/**
 * A stall's products and their prices. Every write derives the pinyin initials,
 * records each price it sets in the history, and bumps the stall's config
 * version in the same transaction, so the stall's tills pull the change at once
 * (terminals/config-change.ts).
 */
import { z } from 'zod';
import { initialsOf } from '../../shared/pinyin';
import { UNITS } from '../../shared/units';
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { ApiError } from '../http/errors';
import {
  priceBoardBodySchema,
  priceHistoryViewSchema,
  productPatchSchema,
  type ProductInput,
  type ProductView,
} from '../../shared/api/catalog';
import { changeConfig } from '../terminals/config-change';
import type { TerminalEventHub } from '../terminals/event-hub';
import { cdb } from './schema';

const COLS = [
  'id',
  'stall_id',
  'code',
  'name',
  'unit',
  'unit_price_fen',
  'category',
  'ean',
  'pinyin',
] as const;
type Row = { unit: string } & Omit<ProductView, 'unit'>;
const asView = (p: Row): ProductView => ({ ...p, unit: z.enum(UNITS).parse(p.unit) });

export async function listProducts(db: ServerDb, stallId: string): Promise<ProductView[]> {
  return (
    await db.selectFrom('product').select(COLS).where('stall_id', '=', stallId).orderBy('code').execute()
  ).map(asView);
}

async function refuseDuplicates(
  db: ServerDb,
  stallId: string,
  p: { code?: string; ean?: string | null },
  exceptId: string | null,
): Promise<void> {
  if (p.code !== undefined) {
    let q = db.selectFrom('product').select('id').where('stall_id', '=', stallId).where('code', '=', p.code);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst())
      throw new ApiError('conflict', `the code ${p.code} is already used by another product of this stall`);
  }
  if (p.ean) {
    let q = db.selectFrom('product').select('id').where('stall_id', '=', stallId).where('ean', '=', p.ean);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst())
      throw new ApiError('conflict', `the EAN ${p.ean} is already used by another product of this stall`);
  }
}

interface Who {
  nowMs: number;
  by: string;
}

/** Adds products (one or many: templates and imports add many in one step); refuses the whole set on any duplicate. */
export async function createProducts(
  db: ServerDb,
  events: TerminalEventHub,
  stallId: string,
  inputs: readonly ProductInput[],
  who: Who,
): Promise<ProductView[]> {
  const seen = new Set<string>();
  for (const p of inputs) {
    if (seen.has(p.code)) throw new ApiError('conflict', `the code ${p.code} appears twice`);
    seen.add(p.code);
    await refuseDuplicates(db, stallId, p, null);
  }
  const rows = inputs.map((p) => ({
    id: `${stallId}-${fastUlid(who.nowMs)}`,
    stall_id: stallId,
    ...p,
    pinyin: initialsOf(p.name),
  }));
  if (rows.length === 0) return [];
  await changeConfig(db, events, async (trx, bump) => {
    await trx.insertInto('product').values(rows).execute();
    await cdb(trx)
      .insertInto('product_price')
      .values(
        rows.map((r) => ({
          id: fastUlid(who.nowMs),
          product_id: r.id,
          stall_id: stallId,
          unit_price_fen: r.unit_price_fen,
          prev_price_fen: null,
          changed_ms: who.nowMs,
          changed_by: who.by,
        })),
      )
      .execute();
    await bump(stallId);
  });
  return rows;
}

export async function updateProduct(
  db: ServerDb,
  events: TerminalEventHub,
  productId: string,
  patch: z.output<typeof productPatchSchema>,
  who: Who,
): Promise<ProductView> {
  const before = await db
    .selectFrom('product')
    .select(COLS)
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  await refuseDuplicates(db, before.stall_id, patch, productId);
  const set = { ...patch, ...(patch.name !== undefined ? { pinyin: initialsOf(patch.name) } : {}) };
  return changeConfig(db, events, async (trx, bump) => {
    if (Object.keys(set).length > 0)
      await trx.updateTable('product').set(set).where('id', '=', productId).execute();
    if (patch.unit_price_fen !== undefined && patch.unit_price_fen !== before.unit_price_fen) {
      await cdb(trx)
        .insertInto('product_price')
        .values({
          id: fastUlid(who.nowMs),
          product_id: productId,
          stall_id: before.stall_id,
          unit_price_fen: patch.unit_price_fen,
          prev_price_fen: before.unit_price_fen,
          changed_ms: who.nowMs,
          changed_by: who.by,
        })
        .execute();
    }
    await bump(before.stall_id);
    return asView(
      await trx.selectFrom('product').select(COLS).where('id', '=', productId).executeTakeFirstOrThrow(),
    );
  });
}

/**
 * The price board's one-step save: every price in one transaction and one
 * config version, so a till never sees half a morning's prices. Products not
 * of this stall, or named twice, refuse the whole save.
 */
export async function savePrices(
  db: ServerDb,
  events: TerminalEventHub,
  stallId: string,
  prices: z.output<typeof priceBoardBodySchema>['prices'],
  who: Who,
): Promise<{ changed: number; config_version: number }> {
  const ids = new Set<string>();
  for (const p of prices) {
    if (ids.has(p.product_id)) throw new ApiError('bad_request', `product ${p.product_id} is named twice`);
    ids.add(p.product_id);
  }
  const current = new Map(
    (
      await db
        .selectFrom('product')
        .select(['id', 'unit_price_fen'])
        .where('stall_id', '=', stallId)
        .execute()
    ).map((r) => [r.id, r.unit_price_fen]),
  );
  const missing = prices.find((p) => !current.has(p.product_id));
  if (missing)
    throw new ApiError('bad_request', `product ${missing.product_id} is not in this stall's catalog`);
  const changed = prices.filter((p) => current.get(p.product_id) !== p.unit_price_fen);
  return changeConfig(db, events, async (trx, bump) => {
    for (const p of changed)
      await trx
        .updateTable('product')
        .set({ unit_price_fen: p.unit_price_fen })
        .where('id', '=', p.product_id)
        .execute();
    if (changed.length > 0) {
      await cdb(trx)
        .insertInto('product_price')
        .values(
          changed.map((p) => ({
            id: fastUlid(who.nowMs),
            product_id: p.product_id,
            stall_id: stallId,
            unit_price_fen: p.unit_price_fen,
            prev_price_fen: current.get(p.product_id) ?? null,
            changed_ms: who.nowMs,
            changed_by: who.by,
          })),
        )
        .execute();
      await bump(stallId);
    }
    const v = await trx
      .selectFrom('stall')
      .select('config_version')
      .where('id', '=', stallId)
      .executeTakeFirstOrThrow();
    return { changed: changed.length, config_version: v.config_version };
  });
}

export async function priceHistory(
  db: ServerDb,
  productId: string,
  limit: number,
): Promise<z.output<typeof priceHistoryViewSchema>[]> {
  return cdb(db)
    .selectFrom('product_price')
    .select(['unit_price_fen', 'prev_price_fen', 'changed_ms', 'changed_by'])
    .where('product_id', '=', productId)
    .orderBy('changed_ms', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
