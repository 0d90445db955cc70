/**
 * A whitespace-normalised view of the live page's text, so the article's blocks (extracted from a
 * copy) can be found again in the real DOM and their offsets turned into DOM Ranges — without
 * changing a single node of the page.
 */
import { INVISIBLE, INVISIBLE_ALL } from '../lib/invisible';
import { runSliced, runSync, type Slicer } from './slicer';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);
/** White space, collapsed to one space; invisible characters (lib/invisible) are skipped first, as in the article's text. */
const WS = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]/;

interface NodeSpan {
  node: Text;
  /** Offset of this node's first emitted character in the normalised text. */
  start: number;
  end: number;
  /** Whether the character emitted just before this node was a space. */
  spaceBefore: boolean;
}

export interface TextIndex {
  text: string;
  spans: NodeSpan[];
}

const WS_RUN = new RegExp(`${WS.source}+`, 'g');
/** Nodes indexed between two chances to yield. */
const NODES_PER_STEP = 64;

/** Walks the text under `root`, yielding every few nodes so a caller can pause; returns the index. */
function* indexSteps(root: Node, exclude?: Node | null): Generator<void, TextIndex> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        const el = n as Element;
        if (SKIP.has(el.tagName.toUpperCase()) || el === exclude || el.hasAttribute('hidden')) return 2; /* reject subtree */
        return 3; /* skip element, visit children */
      }
      return 1;
    },
  });
  const parts: string[] = [];
  const spans: NodeSpan[] = [];
  let len = 0;
  let space = true; // collapse leading whitespace
  let k = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++k % NODES_PER_STEP === 0) yield;
    const node = n as Text;
    const spaceBefore = space;
    let out = node.data.replace(INVISIBLE_ALL, '').replace(WS_RUN, ' ');
    if (space && out.charCodeAt(0) === 32) out = out.slice(1);
    if (!out) continue;
    space = out.charCodeAt(out.length - 1) === 32;
    spans.push({ node, start: len, end: len + out.length, spaceBefore });
    parts.push(out);
    len += out.length;
  }
  return { text: parts.join(''), spans };
}

export function buildTextIndex(root: Node, exclude?: Node | null): TextIndex {
  return runSync(indexSteps(root, exclude));
}

/** The same index, built a slice at a time so a huge page never blocks its tab. */
export function buildTextIndexSliced(root: Node, slicer: Slicer, exclude?: Node | null): Promise<TextIndex> {
  return runSliced(indexSteps(root, exclude), slicer);
}

/** The node and local offset of normalised offset `g` (the start of a character; `end` for an end boundary). */
export function locate(index: TextIndex, g: number, end = false): { node: Text; offset: number } | null {
  const spans = index.spans;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (end ? s.end < g : s.end <= g) lo = mid + 1;
    else if (end ? s.start >= g : s.start > g) hi = mid - 1;
    else {
      // walk the node's data, re-applying the collapsing, to the local offset
      const data = s.node.data;
      let k = s.start;
      let space = s.spaceBefore;
      for (let i = 0; i < data.length; i++) {
        if (INVISIBLE.test(data[i])) continue;
        const ws = WS.test(data[i]);
        const emits = ws ? !space : true;
        if (emits) {
          if (!end && k === g) return { node: s.node, offset: i };
          k++;
          if (end && k === g) return { node: s.node, offset: i + 1 };
        }
        space = ws ? true : false;
      }
      return { node: s.node, offset: data.length };
    }
  }
  return null;
}

/** Finds each block's text in the page, in order; -1 where a block is not found. */
export function findBlocks(index: TextIndex, blocks: string[]): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const b of blocks) {
    let at = index.text.indexOf(b, cursor);
    if (at < 0) at = index.text.indexOf(b);
    out.push(at);
    if (at >= 0) cursor = at + b.length;
  }
  return out;
}

export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  const a = locate(index, start);
  const b = locate(index, end, true);
  if (!a || !b) return null;
  const r = a.node.ownerDocument.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return r;
}
