/**
 * The settings the content script reads — which kinds of names are marked, how, and the citation
 * format — read straight from extension storage. Not through @wxt-dev/storage: that would carry 9 KB
 * into every page the reader annotates. Same storage area, key and fallback as the versioned items in
 * settings.ts (a test holds them together); these items have no migrations to run.
 */
import { browser } from 'wxt/browser';
import type { EntityType } from '../lib/types';

export const ENTITY_TYPES: EntityType[] = ['person', 'place', 'organization'];
export type MarkStyle = 'underline' | 'background';
export type CitationFormatSetting = 'text' | 'markdown' | 'html';

export interface PageSetting<T> {
  /** "area:key", as @wxt-dev/storage names it. */
  key: string;
  fallback: T;
}

export const PAGE_SETTINGS = {
  shownTypes: { key: 'sync:shownTypes', fallback: ENTITY_TYPES } as PageSetting<EntityType[]>,
  markStyle: { key: 'sync:markStyle', fallback: 'underline' } as PageSetting<MarkStyle>,
  citationFormat: { key: 'sync:citationFormat', fallback: 'text' } as PageSetting<CitationFormatSetting>,
};

const split = (key: string) => key.split(':') as ['sync' | 'local', string];

export async function readSetting<T>(s: PageSetting<T>): Promise<T> {
  const [area, name] = split(s.key);
  try {
    return ((await browser.storage[area].get(name))[name] as T | undefined) ?? s.fallback;
  } catch {
    return s.fallback;
  }
}

/** Calls `cb` with the new value whenever the setting changes; returns the function that stops it. */
export function watchSetting<T>(s: PageSetting<T>, cb: (value: T) => void): () => void {
  const [area, name] = split(s.key);
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea === area && name in changes) cb((changes[name].newValue as T | undefined) ?? s.fallback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
