/**
 * The background's gate for messages: each message type may come only from the extension's own
 * contexts that send it (content script in a tab's top frame, or an extension page such as the
 * popup), and its data must have the declared shape and size. Anything else gets an error result.
 */
import * as v from 'valibot';
import { MAX_HTML_CHARS } from '../lib/limits';

const MAX_URL_CHARS = 8192;
const url = v.pipe(v.string(), v.maxLength(MAX_URL_CHARS));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ms = v.pipe(v.number(), v.minValue(0), v.maxValue(3_600_000));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MESSAGE_SCHEMAS = {
  analyzePage: v.object({ html: v.pipe(v.string(), v.maxLength(MAX_HTML_CHARS)), url }),
  reportError: v.object({ code: v.picklist(['too-large', 'internal']), message: v.pipe(v.string(), v.maxLength(500)) }),
  annotated: v.object({ url, marks: count, ms, longestSliceMs: ms }),
  annotateTab: v.object({ tabId }),
  setAlwaysOn: v.object({ tabId, on: v.boolean() }),
} as const;

export type GuardedMessage = keyof typeof MESSAGE_SCHEMAS;

/** content: a content script in a tab's top frame; page: an extension page (popup, options). */
export type SenderKind = 'content' | 'page';

const ALLOWED: Record<GuardedMessage, SenderKind> = {
  analyzePage: 'content',
  reportError: 'content',
  annotated: 'content',
  annotateTab: 'page',
  setAlwaysOn: 'page',
};

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Which of our contexts sent a message, or null when it is not ours. */
export function senderKind(sender: SenderLike, self: { id: string; origin: string }): SenderKind | null {
  if (!sender || sender.id !== self.id) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(self.origin)) return 'page';
  if (typeof sender.tab?.id === 'number' && sender.frameId === 0) return 'content';
  return null;
}

export type GuardResult = { ok: true } | { ok: false; code: 'sender' | 'too-large' | 'shape'; message: string };

/** Checks a message's sender and data; never throws. */
export function guardMessage(type: GuardedMessage, data: unknown, sender: SenderLike, self: { id: string; origin: string }): GuardResult {
  const kind = senderKind(sender, self);
  if (kind !== ALLOWED[type]) return { ok: false, code: 'sender', message: `${type}: not accepted from this sender` };
  if (type === 'analyzePage' && typeof (data as { html?: unknown })?.html === 'string' && (data as { html: string }).html.length > MAX_HTML_CHARS) {
    return { ok: false, code: 'too-large', message: `page too large: more than ${MAX_HTML_CHARS} characters of HTML` };
  }
  const r = v.safeParse(MESSAGE_SCHEMAS[type], data);
  if (!r.success) return { ok: false, code: 'shape', message: `${type}: bad message (${r.issues[0]?.message ?? 'invalid'})` };
  return { ok: true };
}
