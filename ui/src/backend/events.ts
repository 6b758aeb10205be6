// The shell's events (docs/ipc.md): `open-day` when a notification is tapped, `data-changed`
// when children, settings or the archive changed outside the UI. They arrive as late answers to
// `shell_events`, asked with the number of the last event seen: one question is always waiting,
// so an event reaches the page as soon as it is raised, and none raised in between is lost.
import type { EventBatch, EventName, EventPayloads, Events, ShellEvent, Unlisten } from './types';

/** How long to wait before asking again after a question failed (the app is going away). */
const RETRY_MS = 5_000;

/** The shell's events over `ask` (the `shell_events` command, the app's or the mock's). */
export function shellEvents(ask: (after?: number) => Promise<EventBatch>): Events {
  const handlers = new Map<EventName, Set<(payload: never) => void>>();
  let connected: Promise<void> | null = null;

  function deliver(e: ShellEvent) {
    const [name, payload] =
      e.kind === 'open-day' ? (['open-day', { date: e.date, childId: e.childId }] as const) : (['data-changed', null] as const);
    for (const h of handlers.get(name) ?? []) (h as (p: typeof payload) => void)(payload);
  }

  async function follow(seq: number): Promise<never> {
    for (;;) {
      try {
        const batch = await ask(seq);
        seq = batch.seq;
        for (const e of batch.events) deliver(e);
      } catch (e) {
        console.error('tsunagu: the shell events could not be asked for', e);
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }

  return {
    listen(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as (payload: never) => void);
      const unlisten: Unlisten = () => set.delete(handler as (payload: never) => void);
      return unlisten;
    },
    connect(after) {
      connected ??= (async () => {
        const seq = after ?? (await ask()).seq;
        void follow(seq);
      })();
      return connected;
    },
  };
}

/** The mock's side of `shell_events`: numbered events, and questions waiting for the next one. */
export class EventLog {
  private events: { seq: number; event: ShellEvent }[] = [];
  private waiting: (() => void)[] = [];

  get seq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  send<E extends EventName>(name: E, payload: EventPayloads[E]) {
    const open = payload as EventPayloads['open-day'];
    const event: ShellEvent =
      name === 'open-day' ? { kind: 'open-day', date: open.date, ...(open.childId !== undefined ? { childId: open.childId } : {}) } : { kind: 'data-changed' };
    this.events.push({ seq: this.seq + 1, event });
    for (const wake of this.waiting.splice(0)) wake();
  }

  async wait(after?: number): Promise<EventBatch> {
    if (after !== undefined) {
      while (after === this.seq) await new Promise<void>((r) => this.waiting.push(r));
    }
    const seq = this.seq;
    return { seq, events: after === undefined || after > seq ? [] : this.events.filter((e) => e.seq > after).map((e) => e.event) };
  }
}
