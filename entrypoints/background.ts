/**
 * Background: owns the analysis (models, pipeline, per-tab cache) and the permissions.
 * Nothing here talks to the network, except Wikipedia look-ups once the reader turned them on
 * (components/wikipedia-service.ts).
 */
import { browser } from 'wxt/browser';
import { analyze } from '../lib/analyze';
import { ExtractError, extractArticle, EXTRACT } from '../lib/extract';
import { detectLanguage } from '../lib/lang';
import { ensureModel, webEngine } from '../components/engine-web';
import { guardMessage, type GuardedMessage, type SenderLike } from '../components/message-guard';
import { onMessage, sendMessage, type AnalyzeResult, type DrawReport, type TabState } from '../components/protocol';
import { alwaysOnOrigins } from '../components/settings';
import { registerWikipedia } from '../components/wikipedia-service';
import { sitePattern } from '../components/site-pattern';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const ALWAYS_ON_ID = 'news-companion-always-on';

const results = new Map<number, { url: string; result: AnalyzeResult; drawn?: DrawReport }>();

/** Every message passes the gate: only our own contexts, only well-formed data (components/message-guard.ts). */
const guard = (type: GuardedMessage, data: unknown, sender: SenderLike) => guardMessage(type, data, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
const waiting = new Map<number, ((r: AnalyzeResult) => void)[]>();

function originOf(url: string | undefined | null): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

async function runAnalysis(html: string, url: string): Promise<AnalyzeResult> {
  const t0 = performance.now();
  try {
    if (html.length > EXTRACT.maxHtmlChars) return { ok: false, code: 'too-large', message: 'page too large' };
    const article = extractArticle(html, url);
    await ensureModel(detectLanguage(article.declaredLang, article.blocks.map((b) => b.text).join('\n')));
    const analysis = analyze(article, webEngine);
    return { ok: true, analysis, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    if (e instanceof ExtractError) return { ok: false, code: e.code, message: e.message };
    console.error('news-companion: analysis failed', e);
    return { ok: false, code: 'internal', message: String((e as Error)?.message ?? e) };
  }
}

function settle(tabId: number, url: string, result: AnalyzeResult) {
  results.set(tabId, { url, result });
  for (const resolve of waiting.get(tabId) ?? []) resolve(result);
  waiting.delete(tabId);
}

async function syncRegistration() {
  const origins = await alwaysOnOrigins.getValue();
  try {
    await browser.scripting.unregisterContentScripts({ ids: [ALWAYS_ON_ID] });
  } catch {
    /* not registered */
  }
  const granted = new Set<string>();
  for (const o of origins) if (await browser.permissions.contains({ origins: [sitePattern(o)] })) granted.add(sitePattern(o));
  if (!granted.size) return;
  await browser.scripting.registerContentScripts([{ id: ALWAYS_ON_ID, matches: [...granted], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
}

async function tabState(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const origin = originOf(tab.url);
  const cached = results.get(tabId);
  return {
    url: tab.url ?? null,
    origin,
    // on only once the permission is there too (the reader may still be looking at the prompt, or have declined it)
    alwaysOn: !!origin && (await alwaysOnOrigins.getValue()).includes(origin) && (await browser.permissions.contains({ origins: [sitePattern(origin)] })),
    annotatable: !!origin,
    result: cached && (!tab.url || cached.url === tab.url) ? cached.result : null,
    drawn: cached && (!tab.url || cached.url === tab.url) ? cached.drawn ?? null : null,
  };
}

async function annotate(tabId: number): Promise<TabState> {
  const state = await tabState(tabId);
  if (!state.annotatable || state.result) return state;
  const done = new Promise<AnalyzeResult>((resolve) => waiting.set(tabId, [...(waiting.get(tabId) ?? []), resolve]));
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  } catch (e) {
    waiting.delete(tabId);
    return { ...state, result: { ok: false, code: 'no-access', message: String((e as Error)?.message ?? e) } };
  }
  return { ...state, result: await done };
}

export default defineBackground(() => {
  registerWikipedia();
  onMessage('analyzePage', async ({ data, sender }) => {
    const g = guard('analyzePage', data, sender);
    if (!g.ok) return { ok: false, code: g.code === 'too-large' ? 'too-large' : 'internal', message: g.message } as AnalyzeResult;
    const result = await runAnalysis(data.html, data.url);
    settle(sender.tab!.id!, data.url, result);
    return result;
  });
  onMessage('reportError', ({ data, sender }) => {
    if (!guard('reportError', data, sender).ok) return;
    settle(sender.tab!.id!, sender.url ?? '', { ok: false, code: data.code, message: data.message });
  });
  onMessage('annotated', ({ data, sender }) => {
    if (!guard('annotated', data, sender).ok) return;
    const entry = results.get(sender.tab!.id!);
    if (entry && entry.url === data.url) entry.drawn = data;
  });
  onMessage('annotateTab', ({ data, sender }) => {
    const g = guard('annotateTab', data, sender);
    if (!g.ok) throw new Error(g.message);
    return annotate(data.tabId);
  });
  onMessage('setAlwaysOn', async ({ data, sender }) => {
    const g = guard('setAlwaysOn', data, sender);
    if (!g.ok) throw new Error(g.message);
    const { origin } = await tabState(data.tabId);
    if (origin) {
      const list = (await alwaysOnOrigins.getValue()).filter((o) => o !== origin);
      await alwaysOnOrigins.setValue(data.on ? [...list, origin] : list);
      await syncRegistration();
      if (!data.on) {
        // off for the site: every tab of it loses its marks now, not at the next reload
        for (const [id, entry] of [...results]) {
          if (originOf(entry.url) !== origin) continue;
          results.delete(id);
          await sendMessage('unannotate', undefined, id).catch(() => {});
        }
      }
    }
    return data.on ? annotate(data.tabId) : tabState(data.tabId);
  });

  onMessage('sitesChanged', ({ sender }) => {
    if (sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'))) return syncRegistration();
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'annotate') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id) await annotate(tab.id);
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' || info.url) results.delete(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => results.delete(tabId));
  browser.runtime.onInstalled.addListener(() => void syncRegistration());
  browser.runtime.onStartup.addListener(() => void syncRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  // the permission for an "Always annotate" site may arrive after the popup is gone (Firefox closes it for the prompt)
  browser.permissions.onAdded.addListener(() => void syncRegistration());
});
