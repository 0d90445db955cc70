/** Size limits shared by the content script (which must stay small) and the extraction. */
/** Pages above this many characters of HTML are refused with a sentence rather than a frozen tab. */
export const MAX_HTML_CHARS = 8_000_000;
