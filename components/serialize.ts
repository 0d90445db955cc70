/**
 * The live page as HTML for the background's extraction, serialised a slice at a time so a 5 MB
 * page never blocks the tab, and without what extraction never reads (scripts other than JSON-LD,
 * styles, SVG drawings, templates, comments). Pages beyond the limits are refused early.
 */
import { MAX_HTML_CHARS } from '../lib/limits';
import type { Slicer } from './slicer';

export const SERIALIZE = {
  /** Refused outright above this many elements: counting them is cheap, serialising them is not. */
  maxElements: 150_000,
  /** Refused once the HTML passes this many characters. */
  maxChars: MAX_HTML_CHARS,
  /** A subtree this small is serialised by the browser in one call. */
  leafElements: 1500,
} as const;

/** Elements whose content extraction does not use. */
const DROP = new Set(['SCRIPT', 'STYLE', 'SVG', 'TEMPLATE']);
const DROP_SELECTOR = 'script:not([type="application/ld+json"]), style, svg, template';

export class TooLargeError extends Error {
  constructor(what: string) {
    super(`page too large: ${what}`);
    this.name = 'TooLargeError';
  }
}

const escapeText = (s: string) => s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
const escapeAttr = (s: string) => s.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'));

function dropped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return DROP.has(tag) && !(tag === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json');
}

export async function serializePage(doc: Document, slicer: Slicer, exclude?: Element | null): Promise<string> {
  const count = doc.getElementsByTagName('*').length;
  if (count > SERIALIZE.maxElements) throw new TooLargeError(`${count} elements`);
  const out: string[] = [];
  let chars = 0;
  const emit = (s: string) => {
    chars += s.length;
    if (chars > SERIALIZE.maxChars) throw new TooLargeError(`more than ${SERIALIZE.maxChars} characters of HTML`);
    out.push(s);
  };
  const visit = async (el: Element): Promise<void> => {
    if (el === exclude || dropped(el)) return;
    if (el.getElementsByTagName('*').length <= SERIALIZE.leafElements && !el.querySelector(DROP_SELECTOR)) {
      emit(el.outerHTML);
      await slicer.tick();
      return;
    }
    let open = `<${el.localName}`;
    for (const a of Array.from(el.attributes)) open += ` ${a.name}="${escapeAttr(a.value)}"`;
    emit(`${open}>`);
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) await visit(n as Element);
      else if (n.nodeType === 3) emit(escapeText((n as Text).data));
    }
    emit(`</${el.localName}>`);
    await slicer.tick();
  };
  if (doc.doctype) emit('<!DOCTYPE html>');
  await visit(doc.documentElement);
  return out.join('');
}
