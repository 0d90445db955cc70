/**
 * Sentence and token splitting with character offsets. Tokens follow the conventions of the
 * corpora the tagger learned from (GermEval 2014, CoNLL-2003): punctuation apart, hyphenated
 * compounds whole ("Trump-Regierung"), English clitics apart ("Obama" + "'s").
 */
import type { Block, Sentence, Token } from './types';

/** Abbreviations that end with a period but do not end a sentence. */
export const ABBREVIATIONS = new Set(
  [
    // German
    'Dr', 'Prof', 'Hr', 'Fr', 'St', 'Nr', 'Str', 'bzw', 'ca', 'vgl', 'usw', 'etc', 'Jh', 'Jhd', 'Mio', 'Mrd', 'Tsd', 'inkl', 'ggf', 'evtl', 'sog', 'z', 'B', 'd', 'h', 'u', 'a', 'o', 'Abs', 'Art', 'Bd', 'geb', 'gest', 'Hrsg', 'Kap', 'max', 'min', 'Mr', 'Mrs', 'Ms',
    // US states as news datelines abbreviate them
    'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo', 'Bros', 'Ft', 'Pt', 'Sgt', 'Adm', 'Gov', 'Supt', 'Rep', 'Sen',
    'Jan', 'Feb', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez', 'Oct', 'Dec', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'vs', 'No', 'approx', 'Mt', 'Ft', 'Rev',
  ],
);

const TOKEN_RE = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"“”„]+[^\s<>"“”„.,;:!?)\]]`, // URL
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`, // e-mail
    String.raw`(?:\p{L}\.){2,}`, // U.S., z.B., p.m.
    String.raw`\p{N}+(?:[.,:\/]\p{N}+)+`, // 03.12.2025, 11:00, 1,5
    // a US party letter before a state in brackets stands alone: "(D-Calif.)", "(R-N.C.)"
    String.raw`(?<=\()[DRI](?=-\p{Lu})`,
    // German gender-inclusive forms are one word: "Freund:innen", "Kolleg*innen", "Lehrer/innen", "Bürger·innen"
    String.raw`\p{L}+[:*\/·](?:innen|in)(?![\p{L}\p{N}])`,
    // words, inner hyphens and apostrophes; a trailing hyphen before "und/oder" (Staats- und …)
    String.raw`[\p{L}\p{M}\p{N}_]+(?:[-‐'’][\p{L}\p{M}\p{N}_]+)*(?:-(?=\s+(?:und|oder|bis|sowie|and|or)\s))?`,
    String.raw`['’](?:s|S|re|ve|ll|d|m)(?![\p{L}\p{N}])`, // a clitic standing alone ("Lord 's")
    String.raw`\.{3}|[^\s]`, // ellipsis, any other single character
  ].join('|'),
  'gu',
);

/** a combining mark (constant: esbuild compiles a literal with \p{…} to a `new RegExp` made each time it runs) */
const COMBINING = /\p{M}/u;

const EN_CLITIC = /^(.+?)(['’](?:s|S|re|ve|ll|d|m)|n['’]t)$/;

export function tokenize(text: string, lang = 'und', offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = offset;
  const src = end === text.length ? text : text.slice(0, end);
  // (one look at the whole text: most have no combining mark, and their words need no second look)
  const marked = COMBINING.test(src);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(src))) {
    const t = m[0];
    const start = m.index;
    if (lang === 'en') {
      const c = EN_CLITIC.exec(t);
      if (c && /\p{L}/u.test(c[1])) {
        tokens.push({ text: c[1], start, end: start + c[1].length });
        tokens.push({ text: c[2], start: start + c[1].length, end: start + t.length });
        continue;
      }
    }
    // Abbreviation: glue the period to the word ("Dr.", "z.", "St.").
    if (src[start + t.length] === '.' && (ABBREVIATIONS.has(t) || ABBREVIATIONS.has(t[0] + t.slice(1).toLowerCase()) || /^\p{Lu}$/u.test(t))) {
      tokens.push({ text: t + '.', start, end: start + t.length + 1 });
      TOKEN_RE.lastIndex = start + t.length + 1;
      continue;
    }
    // a word written with combining marks ("Ma\u0308nner", as some editors save umlauts) is looked up as its
    // composed form, which the lexicons and the tagger know; its offsets stay those of the page's text
    tokens.push({ text: marked && COMBINING.test(t) ? t.normalize('NFC') : t, start, end: start + t.length });
  }
  return tokens;
}

const CLOSERS = new Set(['"', '“', '”', '»', '«', '’', "'", ')', ']', '‘']);
const ENDERS = new Set(['.', '!', '?', '...', '…']);

/** Splits one block into sentences; a sentence ends at . ! ? (plus closing quotes/brackets). */
export function splitSentences(text: string, blockIndex: number, lang = 'und', breaks: number[] = []): Sentence[] {
  const tokens = breaks.length ? splitAtBreaks(text, tokenize(text, lang), breaks) : tokenize(text, lang);
  const sentences: Sentence[] = [];
  let cur: Token[] = [];
  const close = () => {
    if (!cur.length) return;
    sentences.push({ block: blockIndex, start: cur[0].start, end: cur[cur.length - 1].end, tokens: cur });
    cur = [];
  };
  // a line break of the page ends a sentence (a list of names or an address set line by line)
  let nextBreak = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    while (nextBreak < breaks.length && breaks[nextBreak] <= tok.start) {
      close();
      nextBreak++;
    }
    cur.push(tok);
    if (!ENDERS.has(tok.text)) continue;
    // an exclamation mark inside a name in brackets ends no sentence ("Laura Roth (SV GO! Saar 05; 53,66 sec)"):
    // written onto a word, with the bracket still open and closed later in the block
    if (tok.text === '!' && i > 0 && tokens[i - 1].end === tok.start && openBracket(cur) && text.indexOf(')', tok.end) > 0) continue;
    // swallow closing quotes and brackets that belong to this sentence
    while (i + 1 < tokens.length && CLOSERS.has(tokens[i + 1].text) && isClosingAt(text, tokens[i + 1].start)) cur.push(tokens[++i]);
    const next = tokens[i + 1];
    if (!next) break;
    // "… bereit“, sagte Putin" never reaches here; a lower-case next word usually means no break
    // (German ordinals "3. Dezember" are numbers followed by a period and are kept together).
    if (/^\p{Ll}/u.test(next.text) && tok.text !== '?' && tok.text !== '!') continue;
    if (tok.text === '.' && i > 0 && /^\p{N}+$/u.test(tokens[i - 1].text) && /^\p{L}/u.test(next.text) && lang === 'de' && isMonthOrOrdinalContext(next.text)) continue;
    close();
  }
  close();
  return sentences;
}

/** Whether a round bracket opened in the sentence so far is still open. */
function openBracket(tokens: Token[]): boolean {
  let depth = 0;
  for (const t of tokens) depth += t.text === '(' ? 1 : t.text === ')' && depth > 0 ? -1 : 0;
  return depth > 0;
}

/** Words the page sets on two lines with nothing between ("Essen<br>Altendorfer Str.") are two words. */
function splitAtBreaks(text: string, tokens: Token[], breaks: number[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    let from = t.start;
    for (const b of breaks) {
      if (b <= from || b >= t.end) continue;
      out.push({ text: text.slice(from, b), start: from, end: b });
      from = b;
    }
    out.push(from === t.start ? t : { text: text.slice(from, t.end), start: from, end: t.end });
  }
  return out;
}

/** A quotation mark followed by space, punctuation or the end closes; one after a space opens. */
function isClosingAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '„' || ch === '»' && text[i + 1] && /\p{L}/u.test(text[i + 1])) return false;
  const before = text[i - 1];
  return before !== undefined && !/\s/.test(before);
}

const MONTHS_DE = /^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhundert|Mal|Platz|Stock|Liga|Klasse)$/;
function isMonthOrOrdinalContext(word: string): boolean {
  return MONTHS_DE.test(word);
}

export function splitBlocks(blocks: Block[], lang: string): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, i) => out.push(...splitSentences(b.text, i, lang, b.breaks)));
  return out;
}
