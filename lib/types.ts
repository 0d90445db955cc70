/** Plain data shared by every stage of the pipeline, the extension and the CLI. */

export type Lang = string; // BCP-47 primary subtag: "de", "en", … ("und" when unknown)

export interface Block {
  /** Whitespace-normalised text of one paragraph, heading or list item of the article. */
  text: string;
  /** 'code': program text (<pre>), where quotation marks quote nobody. */
  kind: 'heading' | 'paragraph' | 'quote' | 'item' | 'code';
  /** Offsets in `text` where the page breaks the line (<br>): no sentence or name runs across one. */
  breaks?: number[];
}

/** What the page says about the article: address, title, outlet, author, date, teaser. */
export interface ArticleMeta {
  url: string | null;
  title: string;
  siteName: string | null;
  /** The byline as the page writes it (Readability's reading), or null. */
  byline: string | null;
  /** The article's authors, names only ("Von Max Muster" → "Max Muster"; no dates, no outlet). */
  authors: string[];
  /** ISO-8601 in the page's own terms: its offset kept, a date alone stays a date. */
  published: string | null;
  description: string | null;
}

export interface Article extends ArticleMeta {
  /** Language declared by the page (<html lang>, og:locale), if any. */
  declaredLang: string | null;
  blocks: Block[];
}

export interface Token {
  text: string;
  /** Offsets into the block text, end exclusive, in UTF-16 code units. */
  start: number;
  end: number;
}

export interface Sentence {
  block: number;
  start: number;
  end: number;
  tokens: Token[];
}

export type EntityType = 'person' | 'place' | 'organization';

export interface Span {
  block: number;
  start: number;
  end: number;
}

export interface Mention extends Span {
  /** Exact surface string as it appears in the text. */
  text: string;
  /** True when the name is part of a larger word, e.g. "Trump" in "Trump-Regierung". */
  partOfWord?: boolean;
  /** The type recognised for this occurrence when it differs from its entity's ("LONDON" the team). */
  tagged?: EntityType;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Fullest form the article uses, in its base form ("Weißes Haus", "Wladimir Putin"). */
  name: string;
  /** Exact surface strings found as stand-alone names. */
  forms: string[];
  /** Role in the article's own words, or null. */
  role: string | null;
  /** Number of stand-alone mentions (forms). */
  mentions: number;
  /** Where each mention is, including mentions inside compounds. */
  occurrences: Mention[];
  /** Grammatical gender when the article shows it (role "Pressesprecherin", pronoun use); for pronoun resolution. */
  gender?: 'm' | 'f' | null;
  /** For places: adjectives the article uses for it ("russischen" → Russland). */
  adjectives?: string[];
}

export interface Quote {
  text: string;
  speakerId: string | null;
  speaker: string | null;
  /** The speaker's role as the article gives it, when known. */
  speakerRole: string | null;
  /** A fragment embedded in the author's own sentence rather than a full statement. */
  partial: boolean;
  kind: 'direct' | 'indirect';
  /** Speaker is an unnamed collective ("russische Analysten"). */
  group?: boolean;
  block: number;
  start: number;
  end: number;
  /** Further paragraphs of a quotation that runs over several (text inside the marks); findQuotes gives each its own item. */
  continues?: Span[];
  /** This paragraph continues the quotation before it (a statement over several paragraphs that re-open the mark). */
  continued?: boolean;
  /** Where the speaker is named (or referred to by a pronoun) for this quotation. */
  speakerAt?: Span;
  /** Marks that do not quote anybody: a title or name ("State of the Union") or scare quotes. */
  nonSpeech?: 'title' | 'scare';
  /** How sure the engine is of the speaker (0–1), for direct quotations it attributed. */
  speakerConfidence?: number;
  /**
   * The engine's best guess for the speaker was below its confidence threshold: the quotation is
   * shown as "speaker uncertain", speaker and speakerId are null, and the guess is kept in `guess`.
   */
  uncertain?: boolean;
  guess?: { speaker: string; speakerId: string | null };
  /** The article's own words for a named speaker where it used a description ("der Virologe"). */
  speakerDescription?: string;
  /** An organisation an unnamed speaker's description names ("ein Sprecher des Konzerns X"). */
  speakerOrganizationId?: string;
}

export interface Analysis extends ArticleMeta {
  lang: Lang;
  summary: string[];
  entities: Entity[];
  quotes: Quote[];
  blocks: Block[];
  words: number;
  readingMinutes: number;
}
