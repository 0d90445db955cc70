// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARK_TAG } from './marks';
import { PageWatcher, WATCH, type PageChanges } from './page-watch';

describe('PageWatcher', () => {
  let abort: AbortController;
  let seen: PageChanges[];
  const flushObservers = () => new Promise((r) => queueMicrotask(() => r(null)));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    document.body.innerHTML = '<main><p id="p">Erster Absatz.</p></main>';
    abort = new AbortController();
    seen = [];
    new PageWatcher(document, (c) => seen.push(c), abort.signal);
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
  });

  it('reports a burst of mutations once, after the page has been quiet', async () => {
    for (let i = 0; i < 50; i++) {
      const p = document.createElement('p');
      p.textContent = `Absatz ${i} mit etwas Text.`;
      document.querySelector('main')!.append(p);
      await flushObservers();
      vi.advanceTimersByTime(20);
    }
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(WATCH.quietMs);
    expect(seen).toHaveLength(1);
    expect(seen[0].addedChars).toBeGreaterThan(50 * 20);
  });

  it('still reports a page that never stops changing, at most every maxWaitMs', async () => {
    for (let t = 0; t < 3 * WATCH.maxWaitMs; t += 50) {
      document.getElementById('p')!.firstChild!.nodeValue = `Uhrzeit ${t}`;
      await flushObservers();
      vi.advanceTimersByTime(50);
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(3);
    expect(seen[0].changedText.has(document.getElementById('p')!.firstChild!)).toBe(true);
  });

  it('says nothing when nothing changed, and nothing after it is stopped', async () => {
    vi.advanceTimersByTime(10 * WATCH.maxWaitMs);
    expect(seen).toHaveLength(0);
    abort.abort();
    document.body.append('neuer Text');
    await flushObservers();
    vi.advanceTimersByTime(10 * WATCH.maxWaitMs);
    expect(seen).toHaveLength(0);
  });

  it('ignores its own fallback marks going in and out of the page', async () => {
    const p = document.getElementById('p')!;
    const mark = document.createElement(MARK_TAG);
    mark.textContent = 'Erster';
    p.replaceChildren(mark, ' Absatz.');
    await flushObservers();
    mark.replaceWith('Erster');
    await flushObservers();
    vi.advanceTimersByTime(WATCH.maxWaitMs);
    expect(seen).toHaveLength(0);
  });

  it('waits for a hidden tab to be shown again', async () => {
    const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.body.append('später geladen');
    await flushObservers();
    vi.advanceTimersByTime(WATCH.maxWaitMs);
    expect(seen).toHaveLength(0);
    hidden.mockReturnValue(false);
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(WATCH.quietMs);
    expect(seen).toHaveLength(1);
    expect(seen[0].addedChars).toBe('später geladen'.length);
  });
});
