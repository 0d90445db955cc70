/**
 * Content script (injected on demand, or registered for the sites the reader chose). Thin: the
 * work is in components/content-session.ts. A second injection replaces the first (WXT invalidates
 * the older context), so a page never has two sessions.
 */
import { ContentSession } from '../components/content-session';

export default defineContentScript({
  registration: 'runtime',
  // announce a newer copy of the script with a DOM event only, never with window.postMessage to the page
  noScriptStartedPostMessage: true,
  main(ctx) {
    new ContentSession(ctx).start();
  },
});
