/**
 * Watches the page for the changes that matter to the annotation — an article inserted after load,
 * a paragraph re-rendered under our marks — with one MutationObserver on <body>. Records are only
 * tallied as they come; the decision is made once per burst, after the page has been quiet for a
 * moment (or at the latest after `maxWaitMs` of continuous change), and only while the tab is visible.
 * Nothing runs on a timer unless the page itself changed.
 */
import { MARK_TAG } from './marks';

export const WATCH = {
  /** A burst of mutations is over after this much quiet. */
  quietMs: 300,
  /** A page that never stops changing is still looked at this often. */
  maxWaitMs: 2000,
} as const;

export interface PageChanges {
  /** Characters of text in the nodes added during the burst (script and style text not counted). */
  addedChars: number;
  /** Text nodes whose content changed in place. */
  changedText: Set<Node>;
  /** Whether any node was removed. */
  removed: boolean;
}

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

const isMark = (n: Node) => n.nodeType === 1 && (n as Element).localName === MARK_TAG;

/** Our own fallback marks (browsers without the Highlight API) going in or out: not a change of the page. */
function ours(r: MutationRecord): boolean {
  if (r.type === 'characterData') return !!r.target.parentElement?.closest(MARK_TAG);
  return Array.from(r.addedNodes).some(isMark) || Array.from(r.removedNodes).some(isMark);
}

function textLength(n: Node): number {
  if (n.nodeType === 3) return (n as Text).data.length;
  if (n.nodeType !== 1 || NO_TEXT.has((n as Element).tagName.toUpperCase())) return 0;
  return n.textContent?.length ?? 0;
}

export class PageWatcher {
  private observer: MutationObserver;
  private changes: PageChanges = { addedChars: 0, changedText: new Set(), removed: false };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private burstStart = 0;
  private nudged = false;
  private waitingForVisible = false;

  constructor(
    private doc: Document,
    private onSettled: (changes: PageChanges) => void,
    private signal: AbortSignal,
  ) {
    const w = doc.defaultView as Window & typeof globalThis;
    this.observer = new w.MutationObserver((records) => this.tally(records));
    this.observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  private tally(records: MutationRecord[]) {
    const c = this.changes;
    for (const r of records) {
      if (ours(r)) continue;
      if (r.type === 'characterData') c.changedText.add(r.target);
      else {
        if (r.removedNodes.length) c.removed = true;
        for (const n of Array.from(r.addedNodes)) c.addedChars += textLength(n);
      }
    }
    this.schedule();
  }

  /** Asks for a look at the page after the next quiet moment even if nothing changes (e.g. after a navigation). */
  nudge() {
    this.nudged = true;
    this.schedule();
  }

  private schedule() {
    if (this.signal.aborted) return;
    const now = performance.now();
    if (!this.timer) this.burstStart = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(WATCH.quietMs, this.burstStart + WATCH.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush() {
    this.timer = null;
    if (this.signal.aborted) return;
    if (this.doc.hidden) {
      // a hidden tab is looked at when it is shown again, not before
      if (!this.waitingForVisible) {
        this.waitingForVisible = true;
        const onShow = () => {
          if (this.doc.hidden) return;
          this.doc.removeEventListener('visibilitychange', onShow);
          this.waitingForVisible = false;
          this.schedule();
        };
        this.doc.addEventListener('visibilitychange', onShow, { signal: this.signal });
      }
      return;
    }
    const c = this.changes;
    this.changes = { addedChars: 0, changedText: new Set(), removed: false };
    if (!this.nudged && !c.addedChars && !c.removed && !c.changedText.size) return;
    this.nudged = false;
    this.onSettled(c);
  }

  stop() {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
