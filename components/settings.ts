/**
 * Settings, as versioned storage items (@wxt-dev/storage). Each item carries a version; a change of
 * shape bumps it and adds a migration, tested in settings.test.ts.
 */
import { storage } from 'wxt/utils/storage';
import type { EntityType } from '../lib/types';
import { ENTITY_TYPES, type MarkStyle } from './page-settings';

/** "https://Example.org:443/path" → "https://example.org"; null for anything that is not an http(s) site. */
export function canonicalOrigin(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** v1 → v2: the options page lets readers type sites, so v2 holds canonical origins only, once each. */
export function migrateOriginsV2(v1: unknown): string[] {
  const list = Array.isArray(v1) ? v1 : [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string').map(canonicalOrigin).filter((x): x is string => !!x))];
}

/** Origins ("https://example.org") the reader asked to annotate always. */
export const alwaysOnOrigins = storage.defineItem<string[]>('sync:alwaysOnOrigins', { fallback: [], version: 2, migrations: { 2: migrateOriginsV2 } });

export { ENTITY_TYPES, type MarkStyle } from './page-settings';

/** Which kinds of names are marked in the page and listed in the popup. */
export const shownTypes = storage.defineItem<EntityType[]>('sync:shownTypes', { fallback: ENTITY_TYPES, version: 1 });

/** Wikipedia look-ups (extract and image in the card): off until the reader turns them on. */
export const wikipediaLookups = storage.defineItem<boolean>('sync:wikipediaLookups', { fallback: false, version: 1 });

/** The browser's built-in summariser (Chrome's Summarizer API) for key points in the popup. */
export const builtinSummarizer = storage.defineItem<boolean>('sync:builtinSummarizer', { fallback: false, version: 1 });

/** How mentions are marked: a coloured underline, or a light tint behind the name. */
export const markStyle = storage.defineItem<MarkStyle>('sync:markStyle', { fallback: 'underline', version: 1 });

/**
 * Where Wikipedia summaries come from: the REST summary endpoint, `{lang}` standing for the article's
 * language. Not shown in the options page; a build may set WXT_WIKIPEDIA_BASE, tests point it at a
 * local server.
 */
export const DEFAULT_WIKIPEDIA_BASE: string = import.meta.env?.WXT_WIKIPEDIA_BASE || 'https://{lang}.wikipedia.org/api/rest_v1/page/summary/';
export const wikipediaBase = storage.defineItem<string>('local:wikipediaBase', { fallback: DEFAULT_WIKIPEDIA_BASE, version: 1 });

/** The citation format the reader last chose in the popup. */
export const citationFormat = storage.defineItem<'text' | 'markdown' | 'html'>('sync:citationFormat', { fallback: 'text', version: 1 });
