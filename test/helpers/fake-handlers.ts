/** A complete handler map for transport tests: the given handlers, and every other method answering a coded error. */
import { CodedError } from '../../shared/contract/envelope';
import { METHOD_NAMES, type MethodName } from '../../shared/contract/methods';
import { registerHandlers, type HandlerMap } from '../../src-main/rpc/registry';

export function fakeHandlers(given: Partial<HandlerMap>): HandlerMap {
  const rest: Partial<Record<MethodName, () => never>> = {};
  for (const name of METHOD_NAMES) {
    if (!(name in given)) {
      rest[name] = () => {
        throw new CodedError('conflict', `${name} is not part of this test`);
      };
    }
  }
  return registerHandlers(given, rest as Partial<HandlerMap>);
}

export const SESSION_INFO = {
  terminal_id: 'T1',
  market_name: 'm',
  stall_name: '老王',
  cashier: null,
  time_zone: 'Asia/Shanghai',
  rounding: 'none',
  allow_price_override: true,
  price_override_floor_pct: 0,
  refund_manager_limit_fen: 5000,
} as const;
