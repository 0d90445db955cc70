/**
 * The hover card as an explicit state machine: idle → dwell → shown → leaving → idle.
 * Each hover gets a token; a timer or result for an older token is dropped.
 */
export const DELAYS = {
  /** Pointer must rest on a name this long before any work (Page Previews: ~150 ms). */
  dwellMs: 150,
  /** The card appears at a steady time after the pointer arrives, never flickering (Page Previews: ~500 ms). */
  showMs: 500,
  /** Grace after the pointer leaves name or card, so it can travel into the card (Page Previews: 300 ms). */
  leaveGraceMs: 300,
} as const;

export type HoverState<K> =
  | { name: 'idle' }
  | { name: 'dwell'; key: K; token: number; via: 'pointer' | 'focus' }
  | { name: 'shown'; key: K; token: number; via: 'pointer' | 'focus' }
  | { name: 'leaving'; key: K; token: number; via: 'pointer' | 'focus' };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class HoverMachine<K> {
  state: HoverState<K> = { name: 'idle' };
  private token = 0;
  private timer: unknown = null;
  constructor(
    private onChange: (next: HoverState<K>, prev: HoverState<K>) => void,
    private timers: Timers = { set: (f, ms) => setTimeout(f, ms), clear: (h) => clearTimeout(h as number) },
    private same: (a: K, b: K) => boolean = (a, b) => a === b,
  ) {}

  private go(next: HoverState<K>) {
    const prev = this.state;
    this.state = next;
    this.onChange(next, prev);
  }

  private after(ms: number, token: number, fn: () => void) {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      if ('token' in this.state && this.state.token === token) fn();
    }, ms);
  }

  /** The pointer (or keyboard focus) arrived on a name. */
  enter(key: K, via: 'pointer' | 'focus' = 'pointer') {
    const s = this.state;
    if (s.name !== 'idle' && this.same(s.key, key)) {
      if (s.name === 'leaving') this.hold();
      return;
    }
    const token = ++this.token;
    if (via === 'focus' || s.name === 'shown' || s.name === 'leaving') {
      // keyboard, or moving from one open card to the next name: no second wait
      this.go({ name: 'shown', key, token, via });
      return;
    }
    this.go({ name: 'dwell', key, token, via });
    this.after(DELAYS.showMs, token, () => this.go({ name: 'shown', key, token, via }));
  }

  /** The pointer left the name (or the card). */
  leave() {
    const s = this.state;
    if (s.name === 'dwell') {
      if (this.timer !== null) this.timers.clear(this.timer);
      this.timer = null;
      this.go({ name: 'idle' });
    } else if (s.name === 'shown') {
      this.go({ name: 'leaving', key: s.key, token: s.token, via: s.via });
      this.after(DELAYS.leaveGraceMs, s.token, () => this.go({ name: 'idle' }));
    }
  }

  /** The pointer is over the card: keep it. */
  hold() {
    const s = this.state;
    if (s.name !== 'leaving') return;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.go({ name: 'shown', key: s.key, token: s.token, via: s.via });
  }

  /** Escape, or the card's close button. */
  close() {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (this.state.name !== 'idle') this.go({ name: 'idle' });
  }
}
