/**
 * Content script (injected on demand, or registered for the sites the reader chose): sends the
 * page's HTML to the background for analysis and draws the result. Never throws into the page.
 */
import { Annotator } from '../components/annotator';
import { onMessage, sendMessage } from '../components/protocol';
import { MAX_HTML_CHARS } from '../lib/limits';

const KEY = Symbol.for('news-companion');
type Instance = { refresh: () => Promise<void> };

export default defineContentScript({
  registration: 'runtime',
  main() {
    const g = globalThis as unknown as Record<symbol, Instance | undefined>;
    const existing = g[KEY];
    if (existing) {
      void existing.refresh();
      return;
    }
    let annotator: Annotator | null = null;
    const refresh = async () => {
      try {
        const html = document.documentElement.outerHTML;
        if (html.length > MAX_HTML_CHARS) {
          await sendMessage('reportError', { code: 'too-large', message: 'page too large' });
          return;
        }
        const result = await sendMessage('analyzePage', { html, url: location.href });
        annotator?.destroy();
        annotator = null;
        if (!result.ok) return;
        annotator = new Annotator(document, result.analysis);
        annotator.draw();
      } catch (e) {
        console.debug('news-companion:', e);
      }
    };
    g[KEY] = { refresh };
    onMessage('focusEntity', ({ data }) => annotator?.focusEntity(data.entityId) ?? false);
    onMessage('focusQuote', ({ data }) => annotator?.focusQuote(data.index) ?? false);
    onMessage('unannotate', () => {
      annotator?.destroy();
      annotator = null;
    });
    void refresh();
  },
});
