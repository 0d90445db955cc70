/**
 * Draws an Analysis onto the live page without touching its DOM: marks through the CSS Custom
 * Highlight API, one shadow root for the card (attached to <html>, outside <body>), one set of
 * listeners on the document, all hung on one AbortController so removal is complete.
 */
import { render } from 'preact';
import type { Analysis, Entity, EntityType } from '../lib/types';
import { Card, CARD_CSS } from './Card';
import { HoverMachine, type HoverState } from './hover-machine';
import { highlightCss, HIGHLIGHT_NAMES, MarkFallback } from './marks';
import { sendMessage } from './protocol';
import { ENTITY_TYPES, PAGE_SETTINGS, readSetting, watchSetting } from './page-settings';
import { buildTextIndex } from './textindex';
import { placeCard } from './placement';
import { Slicer } from './slicer';
import { buildTextIndexSliced, findBlocks, rangeFor, type TextIndex } from './textindex';

export const HOST_TAG = 'news-companion-ui';
const HL: Record<EntityType, string> = { person: 'nc-person', place: 'nc-place', organization: 'nc-org' };
const FLASH = 'nc-flash';
const FLASH_MS = 1200;

/** Underlines that read on light and dark pages: mid-tone colours, no background. */
const MARK_CSS = `
::highlight(nc-person) { text-decoration: underline 2px solid rgba(59,130,246,.85); }
::highlight(nc-place) { text-decoration: underline 2px dashed rgba(22,163,74,.85); }
::highlight(nc-org) { text-decoration: underline 2px dotted rgba(217,119,6,.95); }
::highlight(nc-flash) { background-color: rgba(250,204,21,.45); }
`;

interface Mark {
  entity: Entity;
  range: Range;
  index: number;
}

interface Seg {
  start: number;
  end: number;
  mark: Mark;
}

export class Annotator {
  private abort = new AbortController();
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private cardRoot: HTMLElement | null = null;
  private sheet: CSSStyleSheet | null = null;
  private marks: Mark[] = [];
  private segs = new Map<Text, Seg[]>();
  private index: TextIndex | null = null;
  private blockStarts: number[] = [];
  private machine: HoverMachine<Mark>;
  private frame = 0;
  private anchor: Mark | null = null;
  private listening = false;
  private sheetCss = '';
  // reader features (settings, fallback marks, keyboard): see the section above get markCount()
  private fallback = new MarkFallback();
  private shown = new Set<EntityType>(ENTITY_TYPES);
  private returnFocus: HTMLElement | null = null;
  private keyboardOpened = false;
  private unwatch: (() => void)[] = [];

  constructor(private doc: Document, private analysis: Analysis) {
    this.machine = new HoverMachine<Mark>((next, prev) => this.onState(next, prev));
  }

  get supported(): boolean {
    const w = this.doc.defaultView as (Window & typeof globalThis) | null;
    return !!w && typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS;
  }

  /** Marks every mention, a slice at a time so a long article never blocks the page; returns how many were placed. */
  async draw(slicer: Slicer = new Slicer()): Promise<number> {
    const doc = this.doc;
    if (!doc.body) return 0;
    await this.placeMarks(slicer);
    if (this.abort.signal.aborted) return 0;
    const adopt = this.supported && !this.sheet;
    if (adopt) {
      try {
        this.sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
        this.sheet.replaceSync(MARK_CSS);
      } catch {
        this.sheet = null;
      }
    }
    slicer.endSlice(); // reading the display settings waits on storage, not on the page's thread
    await this.applyDisplay(); // sets the highlights
    slicer.begin();
    // the sheet joins the page in the same task as the highlights: on a huge page every change to
    // either costs a full style recalculation (hundreds of ms on a 5 MB page), so there is one
    if (adopt && this.sheet && !this.abort.signal.aborted) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
    if (!this.listening) {
      this.listening = true;
      this.listen();
    }
    return this.marks.length;
  }

  /** Places the marks again on fresh nodes after the page re-rendered part of the article (old marks stay until the new ones replace them). */
  async redraw(slicer: Slicer = new Slicer()): Promise<number> {
    this.machine.close();
    this.fallback.unwrap();
    this.marks = [];
    this.segs.clear();
    return this.draw(slicer);
  }

  /** True when a marked text node left the page or changed (the page re-rendered it), so the marks must be redrawn. */
  marksBroken(changed: Iterable<Node> = []): boolean {
    for (const n of changed) if (this.segs.has(n as Text)) return true;
    for (const t of this.segs.keys()) if (!t.isConnected) return true;
    return false;
  }

  private async placeMarks(slicer: Slicer) {
    const index = await buildTextIndexSliced(this.doc.body, slicer);
    if (this.abort.signal.aborted) return;
    this.index = index;
    this.blockStarts = findBlocks(this.index, this.analysis.blocks.map((b) => b.text));
    const todo: { entity: Entity; start: number; end: number }[] = [];
    for (const e of this.analysis.entities) {
      for (const o of e.occurrences) {
        const base = this.blockStarts[o.block];
        if (base !== undefined && base >= 0) todo.push({ entity: e, start: base + o.start, end: base + o.end });
      }
    }
    todo.sort((a, b) => a.start - b.start); // document order, without comparing DOM positions
    for (const t of todo) {
      if (this.abort.signal.aborted) return; // destroyed while drawing
      const range = rangeFor(index, t.start, t.end);
      if (range) {
        const m: Mark = { entity: t.entity, range, index: this.marks.length };
        this.marks.push(m);
        this.addSegs(m);
      }
      await slicer.tick();
    }
  }

  private addSegs(m: Mark) {
    const r = m.range;
    if (r.startContainer === r.endContainer && r.startContainer.nodeType === 3) {
      const list = this.segs.get(r.startContainer as Text) ?? [];
      list.push({ start: r.startOffset, end: r.endOffset, mark: m });
      this.segs.set(r.startContainer as Text, list);
      return;
    }
    // a name split over several text nodes (<b>Juri</b> Uschakow)
    const walker = this.doc.createTreeWalker(r.commonAncestorContainer, 0x4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!r.intersectsNode(n)) continue;
      const t = n as Text;
      const start = t === r.startContainer ? r.startOffset : 0;
      const end = t === r.endContainer ? r.endOffset : t.data.length;
      const list = this.segs.get(t) ?? [];
      list.push({ start, end, mark: m });
      this.segs.set(t, list);
    }
  }

  private markAtPoint(x: number, y: number): Mark | null {
    const d = this.doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
    let node: Node | null = null;
    let off = 0;
    if (d.caretPositionFromPoint) {
      const p = d.caretPositionFromPoint(x, y);
      if (p) [node, off] = [p.offsetNode, p.offset];
    } else if (d.caretRangeFromPoint) {
      const r = d.caretRangeFromPoint(x, y);
      if (r) [node, off] = [r.startContainer, r.startOffset];
    }
    if (!node || node.nodeType !== 3) return null;
    const segs = this.segs.get(node as Text);
    if (!segs) return null;
    for (const s of segs) {
      if (off < s.start || off > s.end || !this.shown.has(s.mark.entity.type)) continue;
      // the caret snaps to the nearest character: make sure the pointer is really on the name
      for (const rect of Array.from(s.mark.range.getClientRects())) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return s.mark;
      }
    }
    return null;
  }

  private markInElement(el: Element): Mark | null {
    for (const m of this.marks) if (el.contains(m.range.startContainer)) return m;
    return null;
  }

  private listen() {
    const signal = this.abort.signal;
    const opts = { passive: true, signal } as AddEventListenerOptions;
    let lastX = 0;
    let lastY = 0;
    this.doc.addEventListener(
      'pointermove',
      (ev) => {
        if (ev.pointerType === 'touch') return;
        lastX = ev.clientX;
        lastY = ev.clientY;
        if (this.frame) return;
        const w = this.doc.defaultView!;
        this.frame = w.requestAnimationFrame(() => {
          this.frame = 0;
          if (this.host && this.overCard(lastX, lastY)) {
            this.machine.hold();
            return;
          }
          const m = this.markAtPoint(lastX, lastY);
          if (m) this.machine.enter(m);
          else if (this.machine.state.name === 'idle' || this.machine.state.via !== 'focus') this.machine.leave(); // a keyboard card stays put
        });
      },
      opts,
    );
    this.doc.addEventListener('focusin', (ev) => {
      const target = ev.target as Element | null;
      if (!target || target === this.host) return;
      const m = this.markInElement(target);
      if (m) this.machine.enter(m, 'focus');
    }, opts);
    this.doc.addEventListener('keydown', (ev) => this.onKey(ev), { signal });
    this.doc.addEventListener('focusin', (ev) => this.focusMoved(ev.target as Element | null), opts);
    this.doc.addEventListener('pointerdown', (ev) => ev.target !== this.host && this.dismiss(), opts);
    this.doc.defaultView?.addEventListener('scroll', () => this.place(), opts);
  }

  private overCard(x: number, y: number): boolean {
    const card = this.cardRoot?.firstElementChild as HTMLElement | null;
    if (!card) return false;
    const r = card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  private ensureHost() {
    if (this.host) return;
    this.host = this.doc.createElement(HOST_TAG);
    this.host.style.setProperty('all', 'initial');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS;
    this.cardRoot = this.doc.createElement('div');
    this.shadow.append(style, this.cardRoot);
    this.doc.documentElement.append(this.host);
  }

  private onState(next: HoverState<Mark>, prev: HoverState<Mark>) {
    if (next.name === 'shown' && (prev.name !== 'shown' && prev.name !== 'leaving' || prev.key !== next.key)) this.show(next.key);
    if (next.name === 'idle') this.hide();
  }

  private show(m: Mark) {
    this.ensureHost();
    this.anchor = m;
    const same = this.marks.filter((x) => x.entity === m.entity && this.shown.has(x.entity.type));
    const s = this.machine.state;
    render(
      <Card
        entity={m.entity}
        analysis={this.analysis}
        mention={{ index: Math.max(0, same.indexOf(m)), count: same.length }}
        onStep={(dir) => this.step(m, dir)}
        onClose={() => this.closeCard()}
        theme={this.pageTheme()}
        autoFocus={this.keyboardOpened && s.name !== 'idle' && s.via === 'focus'}
        format={() => readSetting(PAGE_SETTINGS.citationFormat)}
        wiki={(title, lang) => sendMessage('wikiPreview', { title, lang })}
        enableWiki={async () => (await sendMessage('enableWikipedia')).on}
      />,
      this.cardRoot!,
    );
    this.place();
  }

  private place() {
    const m = this.anchor;
    const card = this.cardRoot?.firstElementChild as HTMLElement | null;
    if (!m || !card) return;
    // above or below and shifted sideways only, so the card never covers the name; taller than the room: it scrolls
    card.style.maxHeight = '';
    const view = this.doc.documentElement;
    const { x, y, maxHeight } = placeCard(m.range.getBoundingClientRect(), { width: card.offsetWidth, height: card.offsetHeight }, { width: view.clientWidth, height: view.clientHeight });
    card.style.maxHeight = `${maxHeight}px`;
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
  }

  private hide() {
    this.anchor = null;
    this.keyboardOpened = false;
    if (this.cardRoot) render(null, this.cardRoot);
  }

  /** Scrolls to an entity's first mention, flashes it and opens its card. */
  focusEntity(id: string): boolean {
    const m = this.marks.find((x) => x.entity.id === id);
    if (!m) return false;
    this.flash(m.range);
    this.machine.enter(m, 'focus');
    return true;
  }

  focusQuote(i: number): boolean {
    const q = this.analysis.quotes[i];
    const base = q ? this.blockStarts[q.block] : -1;
    if (!q || base === undefined || base < 0 || !this.index) return false;
    const r = rangeFor(this.index, base + q.start, base + q.end);
    if (!r) return false;
    this.flash(r);
    return true;
  }

  private flash(r: Range) {
    const el = r.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'auto' });
    if (!this.supported) {
      const m = this.marks.find((x) => x.range === r);
      if (m) this.fallback.flash(m.index, FLASH_MS);
      return;
    }
    const w = this.doc.defaultView as Window & typeof globalThis;
    w.CSS.highlights.set(FLASH, new w.Highlight(r));
    w.setTimeout(() => w.CSS.highlights.delete(FLASH), FLASH_MS);
  }

  // ——— reader features: display settings, fallback marks, keyboard, mention navigation ———

  /**
   * Applies the reader's settings (which types are shown, how marks look) and, where the Highlight
   * API is missing, wraps the mentions in our own elements instead. Follows setting changes.
   */
  private async applyDisplay() {
    const [types, style] = await Promise.all([
      readSetting(PAGE_SETTINGS.shownTypes),
      readSetting(PAGE_SETTINGS.markStyle),
    ]);
    if (this.abort.signal.aborted) return;
    this.shown = new Set(types);
    const shown = (t: EntityType) => this.shown.has(t);
    if (this.supported) {
      const w = this.doc.defaultView as Window & typeof globalThis;
      const css = highlightCss(style);
      if (css !== this.sheetCss) this.sheet?.replaceSync(css); // an unchanged sheet is not replaced: that costs a style recalc
      this.sheetCss = css;
      for (const type of ENTITY_TYPES) {
        const ranges = shown(type) ? this.marks.filter((m) => m.entity.type === type).map((m) => m.range) : [];
        if (ranges.length) w.CSS.highlights.set(HIGHLIGHT_NAMES[type], new w.Highlight(...ranges));
        else w.CSS.highlights.delete(HIGHLIGHT_NAMES[type]);
      }
    } else if (!this.fallback.active && this.marks.length) {
      const ranges = this.fallback.wrap(this.doc, this.marks.map((m) => ({ range: m.range, type: m.entity.type })), style, shown);
      // our elements now hold the marked text: ranges, hit-testing and the text index follow them
      this.segs.clear();
      this.marks.forEach((m, i) => {
        m.range = ranges[i] ?? m.range;
        this.addSegs(m);
      });
      this.index = buildTextIndex(this.doc.body);
    } else this.fallback.restyle(style, shown);
    if (this.anchor && !shown(this.anchor.entity.type)) this.machine.close();
    if (!this.unwatch.length) this.unwatch = [watchSetting(PAGE_SETTINGS.shownTypes, () => void this.applyDisplay()), watchSetting(PAGE_SETTINGS.markStyle, () => void this.applyDisplay())];
  }

  /** Escape closes; Alt+Shift+N / Alt+Shift+P go to the next / previous name and open its card. */
  private onKey(ev: KeyboardEvent) {
    if (ev.key === 'Escape' && this.machine.state.name !== 'idle') return this.closeCard();
    if (!ev.altKey || !ev.shiftKey || ev.ctrlKey || ev.metaKey) return;
    const dir = ev.code === 'KeyN' ? 1 : ev.code === 'KeyP' ? -1 : 0;
    if (!dir) return;
    ev.preventDefault();
    this.stepAll(dir);
  }

  /** Focus moved to the page, outside the card and its name: a card that stays put (keyboard, previous / next) closes. */
  private focusMoved(target: Element | null) {
    if (target && target !== this.host && !this.markInElement(target)) this.dismiss();
  }

  /** Closes a card that stays put (opened from the keyboard or moved by its buttons); pointer cards close by themselves. */
  private dismiss() {
    const s = this.machine.state;
    if (s.name === 'idle' || s.via !== 'focus') return;
    this.returnFocus = null;
    this.machine.close();
  }

  private closeCard() {
    this.machine.close();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The next (1) or previous (-1) name in reading order, from the open card or from the top of the view; its card opens with focus. */
  stepAll(dir: 1 | -1): boolean {
    const list = this.marks.filter((m) => this.shown.has(m.entity.type));
    if (!list.length) return false;
    const at = this.anchor ? list.indexOf(this.anchor) : -1;
    let i: number;
    if (at >= 0) i = (at + dir + list.length) % list.length;
    else {
      const below = list.findIndex((m) => m.range.getBoundingClientRect().top >= 0);
      i = dir === 1 ? Math.max(0, below) : (below <= 0 ? list.length : below) - 1;
    }
    this.openAt(list[i], true);
    return true;
  }

  /** The card's previous / next buttons: the same entity's mention before or after this one. */
  private step(from: Mark, dir: 1 | -1) {
    const same = this.marks.filter((x) => x.entity === from.entity);
    const at = same.indexOf(this.anchor ?? from);
    this.openAt(same[(at + dir + same.length) % same.length], this.keyboardOpened);
  }

  private openAt(m: Mark, keyboard: boolean) {
    if (keyboard && !this.returnFocus) {
      const active = this.doc.activeElement;
      if (active instanceof HTMLElement && active !== this.host && active !== this.doc.body) this.returnFocus = active;
    }
    this.keyboardOpened = keyboard;
    this.flash(m.range);
    this.machine.enter(m, 'focus');
  }

  /** The card's colours follow the page's own background; a page without one follows the browser's scheme. */
  private pageTheme(): 'light' | 'dark' | 'auto' {
    const w = this.doc.defaultView;
    if (!w) return 'auto';
    for (const el of [this.doc.body, this.doc.documentElement]) {
      if (!el) continue;
      const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(w.getComputedStyle(el).backgroundColor);
      if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
      const luminance = (0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3])) / 255;
      return luminance < 0.45 ? 'dark' : 'light';
    }
    // no background of its own: the canvas is white unless the page opts into dark schemes
    return /dark/.test(w.getComputedStyle(this.doc.documentElement).colorScheme) ? 'auto' : 'light';
  }

  get markCount(): number {
    return this.marks.length;
  }

  /** Removes every trace: highlights, style sheet, host element, listeners. */
  destroy() {
    this.abort.abort();
    for (const stop of this.unwatch) stop();
    this.fallback.unwrap();
    this.machine.close();
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    if (this.supported) {
      const w = this.doc.defaultView as Window & typeof globalThis;
      for (const name of [...Object.values(HL), FLASH]) w.CSS.highlights.delete(name);
    }
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    if (this.cardRoot) render(null, this.cardRoot);
    this.host?.remove();
    this.host = null;
    this.marks = [];
    this.segs.clear();
  }
}
