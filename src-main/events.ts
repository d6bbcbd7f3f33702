/** The core's typed event bus: what the core pushes to the renderer (status, devices, display, …). */
import { EventEmitter } from 'node:events';
import type { CoreEvents } from '../shared/contract/methods';

const ANY = Symbol('any event');

export class TypedEmitter {
  private readonly ee = new EventEmitter();
  emit<E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]): void {
    this.ee.emit(event, payload);
    this.ee.emit(ANY, event, payload);
  }
  /** every event, for transports that forward them all */
  onAny(listener: <E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]) => void): () => void {
    this.ee.on(ANY, listener);
    return () => this.ee.off(ANY, listener);
  }
  on<E extends keyof CoreEvents>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
    this.ee.on(event, listener);
    return () => this.ee.off(event, listener);
  }
}
