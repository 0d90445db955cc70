/** UI strings from _locales (the browser's language decides); the key itself when missing. */
import { browser } from 'wxt/browser';

export function t(key: string, ...subs: (string | number)[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs.map(String)) || key;
  } catch {
    return key;
  }
}
