/**
 * The customer display's state in the core: the till shows a view, the core
 * keeps the newest and pushes it as the `display` event to every display
 * (a page opened later asks display-get). A view older than the one kept
 * (a retry that arrives late) changes nothing.
 */
import type { DisplayState } from '../../shared/contract/display';
import type { TypedEmitter } from '../events';
import type { HandlerMap } from '../rpc/registry';

export function displayHandlers(
  events: TypedEmitter,
  now: () => number,
): Pick<HandlerMap, 'display-show' | 'display-get'> {
  let current: DisplayState = { seq: 0, at_ms: now(), view: { phase: 'idle' } };
  return {
    'display-show': (state) => {
      // A till page opened again starts counting from 1: a lower number with a newer stamp is that page, not a late retry.
      if (state.seq <= current.seq && state.at_ms <= current.at_ms) return {};
      current = state;
      events.emit('display', current);
      return {};
    },
    'display-get': () => current,
  };
}
