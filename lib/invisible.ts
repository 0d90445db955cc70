/**
 * Characters a reader never sees and the article's text leaves out: soft hyphen (U+00AD), zero-width
 * space and joiners (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), BOM (U+FEFF).
 * "Ber\u00adlin" is the word "Berlin" for recognition, chips and citations. Shared by the extraction
 * (lib/extract-meta normalizeSpace) and the content script's text index (components/textindex), which
 * must skip exactly the same characters so offsets in a block land on the same letters of the page.
 */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/;
export const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
