/**
 * One typed handler map for the renderer contract (Actual Budget's handler
 * registry). Both transports call `dispatch`: it parses the input with the
 * contract's schema at the edge and wraps every outcome in an envelope.
 */
import { CodedError, fail, ok, type Envelope } from '../../shared/contract/envelope';
import {
  contract,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../../shared/contract/methods';

/** Handlers receive the input after the contract's schema parsed it. */
export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerMap = { [M in MethodName]: Handler<M> };

/** Merges domain handler maps; a name defined twice is a bug. */
export function registerHandlers(...maps: Partial<HandlerMap>[]): HandlerMap {
  const out: Partial<Record<MethodName, unknown>> = {};
  for (const m of maps) {
    for (const name of Object.keys(m) as MethodName[]) {
      if (name in out) throw new Error(`handler '${name}' registered twice`);
      out[name] = m[name];
    }
  }
  for (const name of Object.keys(contract) as MethodName[]) {
    if (!(name in out)) throw new Error(`no handler for contract method '${name}'`);
  }
  return out as HandlerMap;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(
  handlers: HandlerMap,
  name: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) return fail('not_found', `unknown method '${name}'`);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success)
    return fail(
      'bad_request',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
    );
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
    return ok(await handler(parsed.data));
  } catch (err) {
    if (err instanceof CodedError) return fail(err.code, err.message, err.details);
    if (
      err instanceof Error &&
      /SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY)/.test(String((err as { code?: string }).code))
    ) {
      return fail(
        'storage_error',
        `the till could not save: ${err.message}. Nothing was written; try again.`,
      );
    }
    console.error(`[core] ${name} failed:`, err);
    return fail('internal', err instanceof Error ? err.message : String(err));
  }
}
