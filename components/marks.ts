/**
 * How mentions look, and the fallback for browsers without the CSS Custom Highlight API: there,
 * mentions are wrapped in our own inline elements, and unwrapping puts the page's original text
 * nodes back, so nothing of ours remains.
 */
import type { EntityType } from '../lib/types';
import type { MarkStyle } from './settings';

export const HIGHLIGHT_NAMES: Record<EntityType, string> = { person: 'nc-person', place: 'nc-place', organization: 'nc-org' };
export const FLASH_NAME = 'nc-flash';
export const MARK_TAG = 'nc-mark';

/** Mid-tone colours that read on light and dark pages; the line style tells types apart without colour. */
const LOOK: Record<EntityType, { rgb: string; line: string }> = {
  person: { rgb: '59,130,246', line: 'solid' },
  place: { rgb: '22,163,74', line: 'dashed' },
  organization: { rgb: '217,119,6', line: 'dotted' },
};
const FLASH_DECL = 'background-color: rgba(250,204,21,.45);';

export function markDeclarations(type: EntityType, style: MarkStyle): string {
  const { rgb, line } = LOOK[type];
  return style === 'background' ? `background-color: rgba(${rgb},.22);` : `text-decoration: underline 2px ${line} rgba(${rgb},.9);`;
}

/** The page-level sheet for the Highlight API. */
export function highlightCss(style: MarkStyle): string {
  const rules = (Object.keys(HIGHLIGHT_NAMES) as EntityType[]).map((t) => `::highlight(${HIGHLIGHT_NAMES[t]}) { ${markDeclarations(t, style)} }`);
  return [...rules, `::highlight(${FLASH_NAME}) { ${FLASH_DECL} }`].join('\n');
}

interface Wrapped {
  original: Text;
  pieces: Node[];
}

export interface FallbackMark {
  range: Range;
  type: EntityType;
}

/** Mentions as our own elements, for browsers without `CSS.highlights`. */
export class MarkFallback {
  private wrapped: Wrapped[] = [];
  private elements: HTMLElement[] = [];
  private owner = new WeakMap<Element, number>();

  get active(): boolean {
    return this.wrapped.length > 0;
  }

  /**
   * Wraps every mark's text; returns, per mark, a range over its new elements (or null when it could
   * not be wrapped). The text the page shows is the same before and after.
   */
  wrap(doc: Document, marks: FallbackMark[], style: MarkStyle, shown: (t: EntityType) => boolean): (Range | null)[] {
    const byNode = new Map<Text, { start: number; end: number; mark: number }[]>();
    marks.forEach((m, i) => {
      const r = m.range;
      const walker = doc.createTreeWalker(r.commonAncestorContainer, 0x4);
      const nodes: Text[] = r.commonAncestorContainer.nodeType === 3 ? [r.commonAncestorContainer as Text] : [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (r.intersectsNode(n)) nodes.push(n as Text);
      for (const t of nodes) {
        const start = t === r.startContainer ? r.startOffset : 0;
        const end = t === r.endContainer ? r.endOffset : t.data.length;
        if (end <= start) continue;
        const list = byNode.get(t) ?? [];
        list.push({ start, end, mark: i });
        byNode.set(t, list);
      }
    });
    const first = new Map<number, HTMLElement>();
    const last = new Map<number, HTMLElement>();
    for (const [node, segs] of byNode) {
      if (!node.parentNode) continue;
      segs.sort((a, b) => a.start - b.start);
      const pieces: Node[] = [];
      let at = 0;
      for (const s of segs) {
        if (s.start < at) continue; // overlapping marks: the first one wins
        if (s.start > at) pieces.push(doc.createTextNode(node.data.slice(at, s.start)));
        const el = doc.createElement(MARK_TAG);
        el.dataset.type = marks[s.mark].type;
        el.setAttribute('style', shown(marks[s.mark].type) ? markDeclarations(marks[s.mark].type, style) : '');
        el.append(doc.createTextNode(node.data.slice(s.start, s.end)));
        pieces.push(el);
        this.elements.push(el);
        this.owner.set(el, s.mark);
        if (!first.has(s.mark)) first.set(s.mark, el);
        last.set(s.mark, el);
        at = s.end;
      }
      if (at < node.data.length) pieces.push(doc.createTextNode(node.data.slice(at)));
      node.replaceWith(...pieces);
      this.wrapped.push({ original: node, pieces });
    }
    return marks.map((_, i) => {
      const a = first.get(i);
      const b = last.get(i);
      if (!a || !b) return null;
      const r = doc.createRange();
      r.setStart(a.firstChild!, 0);
      r.setEnd(b.firstChild!, (b.firstChild as Text).data.length);
      return r;
    });
  }

  /** The mark under an element of ours (from a pointer or focus event), or null. */
  markAt(target: EventTarget | null): number | null {
    const el = target && (target as Node).nodeType === 1 ? (target as Element).closest(MARK_TAG) : (target as Node | null)?.parentElement?.closest(MARK_TAG);
    return el ? (this.owner.get(el) ?? null) : null;
  }

  restyle(style: MarkStyle, shown: (t: EntityType) => boolean) {
    for (const el of this.elements) {
      const type = el.dataset.type as EntityType;
      el.setAttribute('style', shown(type) ? markDeclarations(type, style) : '');
    }
  }

  /** Briefly tints a mark's elements (the Highlight API's flash, by hand). */
  flash(mark: number, ms: number) {
    for (const el of this.elements) {
      if (this.owner.get(el) !== mark) continue;
      const before = el.getAttribute('style') ?? '';
      el.setAttribute('style', before + FLASH_DECL);
      setTimeout(() => el.setAttribute('style', before), ms);
    }
  }

  /** Puts the page's own text nodes back exactly where they were. */
  unwrap() {
    for (const w of this.wrapped.reverse()) {
      const anchor = w.pieces.find((p) => p.isConnected);
      if (anchor) anchor.parentNode!.insertBefore(w.original, anchor);
      for (const p of w.pieces) if (p.isConnected) (p as ChildNode).remove();
    }
    this.wrapped = [];
    this.elements = [];
    this.owner = new WeakMap();
  }
}
