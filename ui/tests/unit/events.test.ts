// The shell's events as late answers to `shell_events`: delivered in order to the screens that
// listen, none lost between the page's start and its first question, and a question that fails
// asked again.
import { describe, expect, it, vi } from 'vitest';
import { EventLog, shellEvents } from '../../src/backend/events';
import type { EventPayloads } from '../../src/backend/types';

/** Lets the promises queued so far run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('shellEvents over the event log', () => {
  it('delivers what was raised after the number that came with the page, in order', async () => {
    const log = new EventLog();
    log.send('data-changed', null);
    const atStart = log.seq;
    // Raised while the page was loading, before it asked.
    log.send('open-day', { date: '2027-01-13', childId: 2 });
    const events = shellEvents((after) => log.wait(after));
    const seen: unknown[] = [];
    events.listen('open-day', (p) => seen.push(['open-day', p]));
    events.listen('data-changed', (p) => seen.push(['data-changed', p]));
    await events.connect(atStart);
    await settle();
    expect(seen).toEqual([['open-day', { date: '2027-01-13', childId: 2 }]]);
    log.send('data-changed', null);
    log.send('open-day', { date: '2027-01-14' });
    await settle();
    expect(seen).toEqual([
      ['open-day', { date: '2027-01-13', childId: 2 }],
      ['data-changed', null],
      ['open-day', { date: '2027-01-14', childId: undefined }],
    ]);
  });

  it('without a number, follows from the newest event, and a screen that stopped listening hears nothing', async () => {
    const log = new EventLog();
    log.send('data-changed', null);
    const events = shellEvents((after) => log.wait(after));
    const seen: EventPayloads['data-changed'][] = [];
    const unlisten = events.listen('data-changed', (p) => seen.push(p));
    await events.connect();
    await settle();
    expect(seen).toEqual([]);
    log.send('data-changed', null);
    await settle();
    expect(seen).toEqual([null]);
    unlisten();
    log.send('data-changed', null);
    await settle();
    expect(seen).toEqual([null]);
  });

  it('asks again after a question failed', async () => {
    vi.useFakeTimers();
    try {
      const log = new EventLog();
      let failures = 1;
      const events = shellEvents((after) => (after !== undefined && failures-- > 0 ? Promise.reject(new Error('gone')) : log.wait(after)));
      const seen: unknown[] = [];
      events.listen('data-changed', (p) => seen.push(p));
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      await events.connect(0);
      log.send('data-changed', null);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(seen).toEqual([null]);
      expect(quiet).toHaveBeenCalledOnce();
      quiet.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });

  it('the log answers a question only once there is something newer', async () => {
    const log = new EventLog();
    let answered = false;
    const asked = log.wait(0).then((b) => ((answered = true), b));
    await settle();
    expect(answered).toBe(false);
    log.send('open-day', { date: '2027-01-13' });
    expect(await asked).toEqual({ seq: 1, events: [{ kind: 'open-day', date: '2027-01-13' }] });
    // A number the log never gave: from now on, at once.
    expect(await log.wait(9)).toEqual({ seq: 1, events: [] });
  });
});
