// The shell's events (docs/ipc.md): `open-day` when a notification is tapped, `data-changed`
// when children, settings or the archive changed outside the UI.
import { listen } from '@tauri-apps/api/event';
import type { EventName, EventPayloads, Events, Unlisten } from './types';

export const tauriEvents: Events = {
  async listen(event, handler) {
    return listen(event, (e) => handler(e.payload as EventPayloads[typeof event]));
  },
};

/** A tiny in-page event bus with the same interface, for the mock backend. */
export function createLocalEvents(): Events & { emit<E extends EventName>(event: E, payload: EventPayloads[E]): void } {
  const handlers = new Map<EventName, Set<(payload: never) => void>>();
  return {
    async listen(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as (payload: never) => void);
      const unlisten: Unlisten = () => set.delete(handler as (payload: never) => void);
      return unlisten;
    },
    emit(event, payload) {
      for (const h of handlers.get(event) ?? []) (h as (p: typeof payload) => void)(payload);
    },
  };
}
