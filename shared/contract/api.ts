/**
 * The one object the renderer sees, whichever transport carries it:
 * a method per contract entry, answering an envelope, and one event stream.
 */
import type { Envelope } from './envelope';
import type { CoreEvents, MethodInput, MethodName, MethodOutput } from './methods';

export type CoreApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & {
  subscribe<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
};
