/**
 * The content script's work on one page, for the life of one content-script context: serialise the
 * page (a slice at a time), have the background analyse it, draw the marks (a slice at a time), and
 * keep them right while the page changes — an article inserted after load, a paragraph re-rendered,
 * a navigation without reload (`wxt:locationchange`). One job runs at a time; a request that comes
 * during a job waits for it. Never throws into the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Annotator } from './annotator';
import { PageWatcher, type PageChanges } from './page-watch';
import { onMessage, sendMessage } from './protocol';
import { serializePage, TooLargeError } from './serialize';
import { Slicer } from './slicer';

export const SESSION = {
  /** A page without an article is analysed again once this much text has arrived (Readability wants about 500 characters). */
  lateArticleChars: 400,
  /** An annotated page is analysed again once new text at least this long (and as long as the article) arrived. */
  moreTextChars: 2000,
  /** Analyses per address at most, so a page that keeps growing cannot keep us busy. */
  maxAnalysesPerUrl: 4,
} as const;

type Job = 'analyse' | 'redraw';

export class ContentSession {
  private annotator: Annotator | null = null;
  private watcher: PageWatcher | null = null;
  private running: Promise<void> | null = null;
  private pending: Job | null = null;
  private url = location.href;
  private analyses = 0;
  /** Text added since the last analysis. */
  private grown = 0;
  private articleChars = 0;
  private stopped = false;

  constructor(private ctx: ContentScriptContext) {
    const removers = [
      onMessage('focusEntity', ({ data }) => this.annotator?.focusEntity(data.entityId) ?? false),
      onMessage('focusQuote', ({ data }) => this.annotator?.focusQuote(data.index) ?? false),
      onMessage('unannotate', () => this.stop()),
    ];
    ctx.onInvalidated(() => {
      for (const remove of removers) remove();
      this.stop();
    });
    // fired as the navigation starts (before location.href changes), with the new address
    ctx.addEventListener(window, 'wxt:locationchange', (e) => this.navigated(e.newUrl.href));
  }

  start() {
    if (document.body) this.watcher = new PageWatcher(document, (c) => this.changed(c), this.ctx.signal);
    this.request('analyse');
  }

  /** Removes every mark and stops watching; the page is as it was. */
  stop() {
    this.stopped = true;
    this.pending = null;
    this.watcher?.stop();
    this.annotator?.destroy();
    this.annotator = null;
  }

  private navigated(url: string) {
    if (this.stopped || url === this.url) return;
    // the old article's marks are wrong for the new page; analyse once its content has settled
    this.url = url;
    this.analyses = 0;
    this.grown = 0;
    this.annotator?.destroy();
    this.annotator = null;
    this.pending = 'analyse';
    this.watcher?.nudge();
  }

  private changed(c: PageChanges) {
    if (this.stopped) return;
    this.grown += c.addedChars;
    const room = this.analyses < SESSION.maxAnalysesPerUrl;
    if (this.pending === 'analyse') return this.request('analyse');
    if (!this.annotator && room && this.grown >= SESSION.lateArticleChars) return this.request('analyse');
    if (this.annotator && room && this.grown >= Math.max(SESSION.moreTextChars, this.articleChars)) return this.request('analyse');
    if (this.annotator && (c.removed || c.changedText.size) && this.annotator.marksBroken(c.changedText)) this.request('redraw');
  }

  private request(job: Job) {
    if (this.stopped) return;
    if (this.running) {
      if (this.pending !== 'analyse') this.pending = job;
      return;
    }
    this.pending = null;
    this.running = (job === 'analyse' ? this.analyse() : this.redraw())
      .catch((e) => this.failed(e))
      .finally(() => {
        this.running = null;
        const next = this.pending;
        if (next) this.request(next);
      });
  }

  private async analyse() {
    const slicer = new Slicer(undefined, undefined, this.ctx.signal);
    const t0 = performance.now();
    const url = location.href;
    this.analyses++;
    this.grown = 0;
    let html: string;
    try {
      html = await serializePage(document, slicer);
    } catch (e) {
      if (!(e instanceof TooLargeError)) throw e;
      this.stop();
      await sendMessage('reportError', { code: 'too-large', message: e.message });
      return;
    }
    slicer.endSlice();
    const result = await sendMessage('analyzePage', { html, url });
    slicer.begin();
    if (this.stopped || url !== location.href) return;
    this.annotator?.destroy();
    this.annotator = null;
    if (!result.ok) return;
    this.articleChars = result.analysis.blocks.reduce((n, b) => n + b.text.length, 0);
    const annotator = new Annotator(document, result.analysis);
    this.annotator = annotator;
    const marks = await annotator.draw(slicer);
    slicer.endSlice();
    if (this.annotator !== annotator) return;
    await sendMessage('annotated', { url, marks, ms: Math.round(performance.now() - t0), longestSliceMs: Math.round(slicer.longestMs * 10) / 10 });
  }

  private async redraw() {
    const a = this.annotator;
    if (!a) return;
    const slicer = new Slicer(undefined, undefined, this.ctx.signal);
    await a.redraw(slicer);
    slicer.endSlice();
  }

  private failed(e: unknown) {
    if (this.ctx.signal.aborted || (e as Error)?.name === 'AbortError') return;
    console.debug('news-companion:', e);
    void sendMessage('reportError', { code: 'internal', message: String((e as Error)?.message ?? e).slice(0, 400) }).catch(() => {});
  }
}
