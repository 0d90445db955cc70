/** Reading PolNeAR (brat standoff) for eval:quotes and train:attribution. */
import type { Block } from '../lib/types';

export interface AnnSpan {
  label: string;
  /** absolute character ranges in the article text (several for a discontinuous span) */
  ranges: [number, number][];
}

/** T lines (spans) and E lines (relations: Attribution, Cue, Content, Source ids) of an .ann file. */
export function parseAnn(ann: string): { spans: Map<string, AnnSpan>; rels: Record<string, string>[] } {
  const spans = new Map<string, AnnSpan>();
  const rels: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    if (/^T\d+$/.test(cols[0])) {
      const [label, ...rest] = cols[1].split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.split(' ').map(Number) as [number, number]);
      spans.set(cols[0], { label, ranges });
    } else if (/^E\d+$/.test(cols[0])) {
      rels.push(Object.fromEntries(cols[1].trim().split(' ').map((kv) => kv.split(':'))));
    }
  }
  return { spans, rels };
}

/** An article's paragraphs as blocks, with each block's offset in the file. */
export function paragraphBlocks(text: string): { blocks: Block[]; offsets: number[] } {
  const blocks: Block[] = [];
  const offsets: number[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (!t) continue;
    blocks.push({ text: t, kind: 'paragraph' });
    offsets.push(m.index! + lead);
  }
  return { blocks, offsets };
}
