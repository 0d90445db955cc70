import { describe, expect, it } from 'vitest';
import { MAX_HTML_CHARS } from '../lib/limits';
import { guardMessage, senderKind } from './message-guard';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const content = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const popupInTab = { ...popup, tab: { id: 3 }, frameId: 0 };

describe('message guard', () => {
  it.each([
    ['a content script in a top frame', content, 'content'],
    ['the popup', popup, 'page'],
    ['the popup opened as a tab', popupInTab, 'page'],
    ['a content script in an iframe', { ...content, frameId: 2 }, null],
    ['another extension', { ...content, id: 'other' }, null],
    ['a sender without an id (a web page through externally_connectable)', { url: 'https://evil.example/', tab: { id: 1 }, frameId: 0 }, null],
  ])('knows %s', (_, sender, kind) => {
    expect(senderKind(sender, self)).toBe(kind);
  });

  it('accepts each message only from the context that sends it', () => {
    expect(guardMessage('analyzePage', { html: '<p>x</p>', url: 'https://news.example/a' }, content, self)).toEqual({ ok: true });
    expect(guardMessage('analyzePage', { html: '<p>x</p>', url: 'https://news.example/a' }, popup, self)).toMatchObject({ ok: false, code: 'sender' });
    expect(guardMessage('annotateTab', { tabId: 3 }, popup, self)).toEqual({ ok: true });
    // a page's content script must not be able to annotate or switch other tabs
    expect(guardMessage('annotateTab', { tabId: 3 }, content, self)).toMatchObject({ ok: false, code: 'sender' });
    expect(guardMessage('setAlwaysOn', { tabId: 3, on: true }, content, self)).toMatchObject({ ok: false, code: 'sender' });
  });

  it.each([
    ['analyzePage', { html: 42, url: 'x' }],
    ['analyzePage', { html: '<p>', url: null }],
    ['analyzePage', null],
    ['annotated', { url: 'x', marks: -1, ms: 3, longestSliceMs: 1 }],
    ['annotated', { url: 'x', marks: 1.5, ms: 3, longestSliceMs: 1 }],
    ['reportError', { code: 'anything', message: 'x' }],
    ['reportError', { code: 'internal', message: 'x'.repeat(10_000) }],
  ] as const)('rejects a malformed %s message', (type, data) => {
    expect(guardMessage(type, data, content, self)).toMatchObject({ ok: false, code: 'shape' });
  });

  it.each([
    ['annotateTab', { tabId: '3' }],
    ['annotateTab', { tabId: -1 }],
    ['setAlwaysOn', { tabId: 3, on: 'yes' }],
  ] as const)('rejects a malformed %s message from the popup', (type, data) => {
    expect(guardMessage(type, data, popup, self)).toMatchObject({ ok: false, code: 'shape' });
  });

  it('answers an oversized page with too-large, without parsing it', () => {
    const html = 'x'.repeat(MAX_HTML_CHARS + 1);
    expect(guardMessage('analyzePage', { html, url: 'https://news.example/a' }, content, self)).toMatchObject({ ok: false, code: 'too-large' });
    expect(guardMessage('analyzePage', { html: '<p>x</p>', url: 'https://news.example/' + 'a'.repeat(10_000) }, content, self)).toMatchObject({ ok: false, code: 'shape' });
  });
});
