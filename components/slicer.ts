/**
 * Cooperative time slicing for the content script: long loops call `await slicer.tick()` and give
 * the page's main thread back whenever the current slice has run for `budgetMs`, so no task of
 * ours comes near the 50 ms long-task line. The longest slice is kept for the benchmarks.
 */

/** A slice ends after this much work; well under the 50 ms that makes a long task, leaving room for the page's own frame. */
export const SLICE_BUDGET_MS = 8;

type Yield = () => Promise<void>;

/** scheduler.yield() where the browser has it (continuation runs before other queued tasks), else a fresh task. */
function defaultYield(): Yield {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return () => s.yield!();
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

export class Slicer {
  private start = performance.now();
  /** The longest stretch of work between two yields, in ms. */
  longestMs = 0;
  /** How many times the work gave the thread back. */
  yields = 0;

  constructor(
    private budgetMs = SLICE_BUDGET_MS,
    private yieldNow: Yield = defaultYield(),
    private signal?: AbortSignal,
  ) {}

  /** True when the current slice is used up (cheap: one clock read). */
  get due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }

  /** Yields to the page if the slice is used up; throws an AbortError once the work is cancelled. */
  async tick(): Promise<void> {
    if (this.due) await this.pause();
    this.signal?.throwIfAborted();
  }

  /** Ends the current slice now. */
  async pause(): Promise<void> {
    this.endSlice();
    this.yields++;
    await this.yieldNow();
    this.start = performance.now();
    this.signal?.throwIfAborted();
  }

  /** Records the slice that is running; call when the work is done or waits (a message, a frame). */
  endSlice(): void {
    this.longestMs = Math.max(this.longestMs, performance.now() - this.start);
  }

  /** Starts a new slice after waiting on something that did not block the thread. */
  begin(): void {
    this.start = performance.now();
  }
}

/** Runs a stepwise job to the end in one go (tests, small pages). */
export function runSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a stepwise job, giving the thread back between steps whenever the slice is used up. */
export async function runSliced<T>(steps: Generator<void, T>, slicer: Slicer): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await slicer.tick();
  }
}
