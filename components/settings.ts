/** Settings, as versioned storage items. */
import { storage } from '#imports';

/** Origins ("https://example.org") the reader asked to annotate always. */
export const alwaysOnOrigins = storage.defineItem<string[]>('sync:alwaysOnOrigins', { fallback: [], version: 1 });

/** The citation format the reader last chose in the popup. */
export const citationFormat = storage.defineItem<'text' | 'markdown' | 'html'>('sync:citationFormat', { fallback: 'text', version: 1 });
