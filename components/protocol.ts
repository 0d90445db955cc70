/** The one typed message protocol between content script, background and popup. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Analysis } from '../lib/types';
import type { WikiAnswer } from './wikipedia';

export type AnalyzeResult = { ok: true; analysis: Analysis; ms: number } | { ok: false; code: 'too-large' | 'not-article' | 'empty' | 'unsupported' | 'internal' | 'no-access'; message: string };

/** What the content script reports once the marks are on the page. */
export interface DrawReport {
  url: string;
  marks: number;
  /** From the start of the content script's work to the last mark, in ms. */
  ms: number;
  /** The longest stretch the content script held the page's main thread, in ms. */
  longestSliceMs: number;
}

export interface TabState {
  url: string | null;
  origin: string | null;
  /** Annotation of this site is switched on permanently. */
  alwaysOn: boolean;
  /** The site can be annotated at all (http/https). */
  annotatable: boolean;
  result: AnalyzeResult | null;
  /** Set once the content script has drawn this result's marks. */
  drawn?: DrawReport | null;
}

interface ProtocolMap {
  /** content → background: analyse this page's HTML. */
  analyzePage(data: { html: string; url: string }): AnalyzeResult;
  /** content → background: the page was too large to even send, or the content script failed. */
  reportError(data: { code: 'too-large' | 'internal'; message: string }): void;
  /** content → background: the marks are drawn (how many, how long it took, the longest slice of main-thread work). */
  annotated(data: DrawReport): void;
  /** popup → background: annotate the tab (injecting the content script if needed) and return its state. */
  annotateTab(data: { tabId: number }): TabState;
  /** popup → background: switch permanent annotation for the tab's site (permission already granted or removed by the popup). */
  setAlwaysOn(data: { tabId: number; on: boolean }): TabState;
  /** popup/background → content: scroll to an entity's first mention and open its card. */
  focusEntity(data: { entityId: string }): boolean;
  /** popup → content: scroll to a quotation and flash it. */
  focusQuote(data: { index: number }): boolean;
  /** background → content: remove every mark and card. */
  unannotate(): void;
  /** card → background: the Wikipedia preview for a name, or `off` while look-ups are off. */
  wikiPreview(data: { title: string; lang: string }): WikiAnswer;
  /** card → background: the reader asked for Wikipedia look-ups (opens the options page when a permission is missing). */
  enableWikipedia(): { on: boolean };
  /** options → background: the "always annotate" list changed; register the content script for it again. */
  sitesChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
