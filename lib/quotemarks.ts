/**
 * Quotation marks: which character opens, which closes, and which is an apostrophe.
 * Handles „…“ “…” "…" »…« «…» ‚…‘ ‘…’ '…', nesting, and quotations that run over several
 * paragraphs with the mark re-opened at the start of each continued paragraph.
 */
import type { Span } from './types';

export interface QuoteSpan {
  /** Where the text inside the marks starts and ends (end exclusive), per block. */
  pieces: Span[];
  /** Offset of the opening mark in the first block and just past the closing mark in the last. */
  open: number;
  close: number;
  mark: string;
  /** a statement whose later paragraphs do not re-open the mark: one quotation, not one per paragraph */
  unmarked?: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013\/-]/.test(c);
const OPENERS = '„‚»«“”"‘\'';

interface Open {
  mark: string;
  closers: string;
  block: number;
  at: number;
}

function opens(text: string, i: number): Open | null {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (next === undefined || /\s/.test(next)) return null; // a mark followed by space opens nothing
  switch (c) {
    case '„':
      return { mark: c, closers: '“”"', block: 0, at: i };
    case '‚':
      return isWordChar(next) || next === '„' ? { mark: c, closers: '‘’\'', block: 0, at: i } : null;
    case '»':
      return { mark: c, closers: '«', block: 0, at: i };
    case '«':
      return { mark: c, closers: '»', block: 0, at: i };
    case '“':
      return isSpaceOrStart(prev) || OPENERS.includes(prev ?? '') ? { mark: c, closers: '”“"', block: 0, at: i } : null;
    case '”':
      return isSpaceOrStart(prev) ? { mark: c, closers: '”', block: 0, at: i } : null;
    case '"':
      return isSpaceOrStart(prev) || OPENERS.includes(prev ?? '') ? { mark: c, closers: '"“”', block: 0, at: i } : null;
    case '‘':
      return isSpaceOrStart(prev) || OPENERS.includes(prev ?? '') ? { mark: c, closers: '’', block: 0, at: i } : null;
    case "'":
      // '90s, 'n', 'til are elisions, not quotations
      if (/^'(?:\d0s|n'|til\b|em\b|cause\b)/i.test(text.slice(i, i + 7))) return null;
      return isSpaceOrStart(prev) && isWordChar(next) ? { mark: c, closers: "'", block: 0, at: i } : null;
  }
  return null;
}

function closes(text: string, i: number, open: Open): boolean {
  const c = text[i];
  // a typo'd closing mark: “… endemic,’ he says — a single mark right after the closing punctuation
  // closes a double one when no double closing mark follows in the paragraph
  if (!open.closers.includes(c)) return (c === '’' || c === "'") && (open.mark === '“' || open.mark === '"') && /[,.!?]/.test(text[i - 1] ?? '') && !isWordChar(text[i + 1]) && !/[”"]/.test(text.slice(i + 1));
  const prev = text[i - 1];
  const next = text[i + 1];
  if ((c === '’' || c === "'") && isWordChar(prev) && isWordChar(next)) return false; // apostrophe: it's, geht's
  if (c === '"' || c === "'" || c === '’') return !/\s/.test(prev ?? ' ') || next === undefined || !isWordChar(next);
  // “ right before a word opens a quotation of its own unless it closes a German „…“ ("chanting “U-S-A!”")
  if (c === '“' && open.mark !== '„' && isWordChar(next) && /\s/.test(prev ?? ' ')) return false;
  return true;
}

/**
 * Whether a mark re-opens a quotation continued from the paragraph before: the same mark, one with the
 * same closers, or a straight mark continuing a typographic one (“… then "…": pasted or typed by another
 * hand); not the other way round, where the straight mark is more likely a stray one.
 */
function continues(carried: Open, o: Open): boolean {
  return o.mark === carried.mark || o.closers === carried.closers || (o.mark === '"' && carried.mark === '“') || (o.mark === "'" && carried.mark === '‘');
}

/**
 * Whether a quotation left open at the end of its paragraphs is one the writer forgot to close, to be
 * taken to the last paragraph's end: it opens the paragraph or follows a colon. One paragraph alone must
 * follow a colon ("Varadkar explained: \"They …"); anywhere else an unclosed mark is more likely a stray one.
 */
function opensStatement(blocks: string[], carried: { open: Open; pieces: Span[] }): boolean {
  const before = blocks[carried.pieces[0].block].slice(0, carried.open.at);
  return carried.pieces.length > 1 ? /^\s*$|:\s*$/.test(before) : /:\s*$/.test(before);
}

/** A quotation still open where no paragraph continues it: to the last paragraph's end, or only what it nests. */
function settle(carried: { open: Open; pieces: Span[]; nested: QuoteSpan[] }, blocks: string[], out: QuoteSpan[]) {
  if (opensStatement(blocks, carried)) out.push({ pieces: carried.pieces, open: carried.open.at, close: carried.pieces[carried.pieces.length - 1].end, mark: carried.open.mark });
  else out.push(...carried.nested);
}

/** How many paragraphs a statement may run on without re-opening its mark. */
const UNMARKED_PARAGRAPHS = 6;
const DOUBLE_MARKS = /[„“”"»«]/;

/**
 * A quotation that opened a paragraph and runs on over paragraphs that do not re-open its mark (as a
 * press release sets a long statement): where it closes, the last character of a later paragraph with
 * no double quotation mark before it, none in the paragraphs between (single ‚…‘ may be nested).
 */
function closedLater(blocks: string[], b: number, open: Open, pieces: Span[]): { block: number; at: number } | null {
  if (pieces.length !== 1 || blocks[pieces[0].block].slice(0, open.at).trim()) return null;
  for (let k = b; k < blocks.length && k < b + UNMARKED_PARAGRAPHS; k++) {
    const text = blocks[k].replace(/\s+$/, '');
    const at = text.length - 1;
    if (at > 0 && closes(text, at, open) && !DOUBLE_MARKS.test(text.slice(0, at))) return { block: k, at };
    if (DOUBLE_MARKS.test(text)) return null;
  }
  return null;
}

/** Finds the outermost quotations across consecutive blocks. */
export function findQuoteSpans(blocks: string[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // quotations nested in an outer English-style one that is still open: they stand alone if the outer
  // never closes (a stray mark opening a paragraph: "\"Trump walked on stage, chanting “U-S-A!”");
  // German „…“ and »…« are typeset with care, and an interview answer left open keeps its inner quotes
  let carry: { open: Open; pieces: Span[]; nested: QuoteSpan[] } | null = null;
  let nested: QuoteSpan[] = [];
  // where to go on after a statement closed paragraphs later (closedLater)
  let resume: { block: number; at: number } | null = null;
  for (let b = 0; b < blocks.length; b++) {
    if (resume && b < resume.block) continue;
    const text = blocks[b];
    const stack: Open[] = [];
    let pieces: Span[] = [];
    let first: Open | null = null;
    let startIdx = 0;
    nested = [];
    if (carry) {
      // Continued quotation: this paragraph must re-open with a mark of the same family.
      const lead = /^\s*/.exec(text)![0].length;
      // (a stray space after the re-opening mark: "\" Also all memberships …")
      let o = opens(text, lead);
      let skip = 1;
      if (!o && OPENERS.includes(text[lead] ?? '') && /^\s\S/.test(text.slice(lead + 1, lead + 3))) {
        o = opens(text.slice(0, lead + 1) + text.slice(lead + 2), lead);
        skip = 2;
      }
      const reopened = !!o && continues(carry.open, o);
      const closer = reopened ? null : closedLater(blocks, b, carry.open, carry.pieces);
      if (o && reopened) {
        stack.push({ ...o, block: b });
        first = carry.open;
        pieces = carry.pieces;
        startIdx = lead + skip;
        pieces.push({ block: b, start: lead + skip, end: lead + skip });
        nested = carry.nested;
      } else if (closer) {
        // a statement over paragraphs that do not re-open the mark, closed at a later paragraph's end
        for (let k = b; k < closer.block; k++) carry.pieces.push({ block: k, start: 0, end: blocks[k].replace(/\s+$/, '').length });
        carry.pieces.push({ block: closer.block, start: 0, end: closer.at });
        out.push({ pieces: carry.pieces, open: carry.open.at, close: closer.at + 1, mark: carry.open.mark, unmarked: true });
        resume = { block: closer.block, at: closer.at + 1 };
      } else settle(carry, blocks, out);
      carry = null;
      if (resume && b < resume.block) continue;
    }
    if (resume && b === resume.block) {
      startIdx = resume.at;
      resume = null;
    }
    for (let i = startIdx; i < text.length; i++) {
      const c = text[i];
      if (!OPENERS.includes(c) && c !== '’') continue;
      // a mark doubled by a stray one ("saying "“It’s …”"): the second opens, the first is dropped
      const top = stack[stack.length - 1];
      // (only a mark that would otherwise close it, leaving an empty quotation: „‚Nie wieder‘ …“ nests)
      if (top && top.block === b && top.at === i - 1 && top.closers.includes(c) && !(pieces.length > 1 && stack.length === 1)) {
        const o = opens(text, i);
        if (o) {
          o.block = b;
          stack[stack.length - 1] = o;
          if (stack.length === 1) {
            first = o;
            pieces = [{ block: b, start: i + 1, end: i + 1 }];
          }
          continue;
        }
      }
      // Close the innermost quotation this mark can close (nested marks may be left open).
      let closed = false;
      for (let d = stack.length - 1; d >= 0; d--) {
        if (closes(text, i, stack[d])) {
          const inner = stack[d];
          // one mark closing a quotation and the one it ends with, at the paragraph's end
          // („… hat mir beigebracht zu sagen: „Bis hierhin!“): both end there
          if (d === 1 && first && inner.mark === first.mark && stack[0] === first && !text.slice(i + 1).trim()) d = 0;
          stack.length = d;
          if (d === 0) {
            const p = pieces[pieces.length - 1];
            p.end = i;
            out.push({ pieces, open: first!.at, close: i + 1, mark: first!.mark });
            pieces = [];
            first = null;
            nested = [];
          } else if (d === 1 && inner.block === b && first && !'„‚»«'.includes(first.mark)) {
            nested.push({ pieces: [{ block: b, start: inner.at + 1, end: i }], open: inner.at, close: i + 1, mark: inner.mark });
          }
          closed = true;
          break;
        }
        // an inner apostrophe-like mark never closes an outer quotation
        if (stack[d].mark !== '‚' && stack[d].mark !== '‘' && stack[d].mark !== "'") break;
      }
      if (closed) continue;
      const o = opens(text, i);
      if (!o) continue;
      o.block = b;
      if (!stack.length) {
        first = o;
        pieces = [{ block: b, start: i + 1, end: i + 1 }];
      }
      stack.push(o);
    }
    if (stack.length && first) {
      // Still open at the end of the paragraph: the next one may continue it.
      const p = pieces[pieces.length - 1];
      p.end = text.replace(/\s+$/, '').length;
      carry = { open: first, pieces, nested };
    }
  }
  if (carry) settle(carry, blocks, out);
  return out;
}
