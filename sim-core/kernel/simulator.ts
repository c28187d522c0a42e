// The simulation clock and event dispatch. Handlers are registered objects addressed by an integer id, so an
// event is four numbers in the calendar, never a closure. Clock unit: milliseconds.

import { EventCalendar } from './event-calendar';

/** A component that receives its own events: `entity` and `tag` are whatever it scheduled. */
export interface EventHandler {
  onEvent(entity: number, tag: number): void;
}

export type StopReason = 'horizon' | 'event_cap' | 'empty' | 'stopped';

export class Simulator {
  now = 0;
  events = 0;
  readonly calendar: EventCalendar;
  private handlers: EventHandler[] = [];
  private stopFlag = false;

  /** eventLimit: most pending events the calendar may hold (see EventCalendar). */
  constructor(eventLimit?: number) {
    this.calendar = new EventCalendar(undefined, eventLimit);
  }

  register(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Schedule at an absolute time; returns the calendar slot (for cancel). */
  at(time: number, handler: number, entity: number, tag = 0): number {
    if (time < this.now) throw new Error(`cannot schedule in the past: ${time} < now ${this.now}`);
    return this.calendar.schedule(time, handler, entity, tag);
  }

  after(delay: number, handler: number, entity: number, tag = 0): number {
    if (!(delay >= 0)) throw new Error(`delay must be ≥ 0, got ${delay}`);
    return this.calendar.schedule(this.now + delay, handler, entity, tag);
  }

  cancel(slot: number): boolean {
    return this.calendar.cancel(slot);
  }

  /** Ask run() to return after the current event (from inside a handler). */
  stop(): void {
    this.stopFlag = true;
  }

  /**
   * Process events up to simulated time `until` (inclusive) or until `eventCap` events in total have run.
   * On 'horizon' the clock is advanced to `until`.
   */
  run(until: number, eventCap = Infinity): StopReason {
    if (until < this.now) throw new Error(`cannot run until ${until}: the clock is already at ${this.now}`);
    const cal = this.calendar;
    const handlers = this.handlers;
    this.stopFlag = false;
    while (cal.size > 0) {
      if (cal.peekTime() > until) {
        this.now = until;
        return 'horizon';
      }
      if (this.events >= eventCap) return 'event_cap';
      cal.pop();
      this.now = cal.lastTime;
      this.events++;
      handlers[cal.lastTarget].onEvent(cal.lastEntity, cal.lastTag);
      if (this.stopFlag) return 'stopped';
    }
    if (until !== Infinity) this.now = Math.max(this.now, until);
    return 'empty';
  }
}
