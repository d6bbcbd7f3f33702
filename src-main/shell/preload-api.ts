/**
 * What the sandboxed preload exposes: exactly one object with a method per
 * contract name plus `subscribe`, each a thin ipcRenderer call. Nothing else
 * (no ipcRenderer, no Node) crosses the bridge.
 */
import { EXPOSED_GLOBAL, IPC_CHANNEL, IPC_EVENT_CHANNEL, type CoreApi } from '../../shared/contract/api';
import type { CoreEvents } from '../../shared/contract/methods';
import { METHOD_NAMES } from '../../shared/contract/names';
import type { ElectronPreloadLike } from './electron-types';

export function buildPreloadApi(ipc: ElectronPreloadLike['ipcRenderer']): CoreApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = (input: unknown) => ipc.invoke(IPC_CHANNEL, name, input);
  api.subscribe = <E extends keyof CoreEvents>(event: E, listener: (p: CoreEvents[E]) => void) => {
    const wrapped = (_e: unknown, ...args: unknown[]): void => {
      if (args[0] === event) listener(args[1] as CoreEvents[E]);
    };
    ipc.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
  };
  return Object.freeze(api) as CoreApi;
}

export function exposeApi(electron: ElectronPreloadLike): void {
  electron.contextBridge.exposeInMainWorld(EXPOSED_GLOBAL, buildPreloadApi(electron.ipcRenderer));
}
