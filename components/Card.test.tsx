// @vitest-environment jsdom
/** The hover card's content and its Wikipedia part, with the background replaced by plain functions. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Analysis, Entity } from '../lib/types';
import { Card, type CardProps } from './Card';
import type { WikiAnswer } from './wikipedia';

const uschakow: Entity = { id: 'e1', type: 'person', name: 'Juri Uschakow', forms: ['Juri Uschakow', 'Uschakow'], role: 'Putins oberster außenpolitischer Berater', mentions: 3, occurrences: [] };
const putin: Entity = { id: 'e2', type: 'person', name: 'Wladimir Putin', forms: ['Putin'], role: null, mentions: 8, occurrences: [] };
const text = '„Es wurden noch keine Kompromisse erzielt“, sagte Uschakow.';
const analysis = {
  url: 'https://example.org/a', title: 'US-Delegation trifft Putin', siteName: 'Demo Rundschau', published: '2025-12-03', lang: 'de', byline: null, authors: [], description: null,
  summary: [], entities: [uschakow, putin], blocks: [{ text, kind: 'paragraph' }], words: 9, readingMinutes: 1,
  quotes: [{ text: 'Es wurden noch keine Kompromisse erzielt', speakerId: 'e1', speaker: 'Juri Uschakow', speakerRole: null, partial: false, kind: 'direct', block: 0, start: 1, end: 41 }],
} as Analysis;

const standard: WikiAnswer = { kind: 'standard', title: 'Juri Uschakow', description: 'russischer Diplomat', extract: 'Juri Wiktorowitsch Uschakow ist ein russischer Diplomat.', url: 'https://de.wikipedia.org/wiki/Juri_Uschakow', image: { src: 'data:image/png;base64,AAAA', width: 160, height: 200 }, lang: 'de', dir: 'ltr' };
/** Preact runs effects after the next frame: wait for what the reader would see. */
const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 2000 });

function mount(over: Partial<CardProps> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const props: CardProps = {
    entity: uschakow, analysis, mention: { index: 0, count: 3 }, onStep: vi.fn(), onClose: vi.fn(), theme: 'light',
    format: async () => 'text', wiki: vi.fn(async () => ({ kind: 'off' }) as WikiAnswer), enableWiki: vi.fn(async () => true), ...over,
  };
  render(<Card {...props} />, root);
  return { root, props, rerender: (p: Partial<CardProps>) => render(<Card {...props} {...p} />, root) };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('hover card', () => {
  it('names the person, the role, the mention it stands at, and steps to the others', async () => {
    const { root, props } = mount();
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe('nc-name-e1');
    expect(root.querySelector('#nc-name-e1')?.textContent).toBe('Juri Uschakow');
    expect(root.textContent).toContain('Putins oberster außenpolitischer Berater');
    expect(root.querySelector('.pos')?.textContent).toBe('1/3');
    (root.querySelector('button.next') as HTMLButtonElement).click();
    (root.querySelector('button.prev') as HTMLButtonElement).click();
    expect(props.onStep).toHaveBeenNthCalledWith(1, 1);
    expect(props.onStep).toHaveBeenNthCalledWith(2, -1);
  });

  it('copies a quote with its source in the chosen format', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { root } = mount({ format: async () => 'markdown' });
    expect(root.querySelector('.quotes q')?.textContent).toBe('„Es wurden noch keine Kompromisse erzielt“');
    (root.querySelector('.quotes button.copy') as HTMLButtonElement).click();
    await until(() => writeText.mock.calls.length);
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^> „Es wurden noch keine Kompromisse erzielt“\n>\n> — \*\*Juri Uschakow\*\*/));
  });

  it('asks Wikipedia nothing until the reader turns it on, then shows extract, image and link', async () => {
    let on = false;
    const wiki = vi.fn(async () => (on ? standard : ({ kind: 'off' } as WikiAnswer)));
    const enableWiki = vi.fn(async () => (on = true));
    const { root } = mount({ wiki, enableWiki });
    await until(() => root.querySelector('button.wiki-on'));
    expect(root.querySelector('.extract')).toBeNull();
    (root.querySelector('button.wiki-on') as HTMLButtonElement).click();
    await until(() => root.querySelector('.extract'));
    expect(enableWiki).toHaveBeenCalledOnce();
    expect(root.querySelector('.extract')?.textContent).toBe('Juri Wiktorowitsch Uschakow ist ein russischer Diplomat.');
    expect(root.querySelector('.desc')?.textContent).toBe('russischer Diplomat');
    expect(root.querySelector('.wiki img')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(root.querySelector('.wiki a')?.getAttribute('href')).toBe('https://de.wikipedia.org/wiki/Juri_Uschakow');
    expect(root.querySelector('.wiki a')?.getAttribute('rel')).toContain('noopener');
  });

  it('says where the options page must confirm, shows disambiguation pages as such and failures quietly', async () => {
    const confirm = mount({ enableWiki: async () => false });
    await until(() => confirm.root.querySelector('button.wiki-on'));
    (confirm.root.querySelector('button.wiki-on') as HTMLButtonElement).click();
    await until(() => /wikiConfirm|settings|Einstellungs/.test(confirm.root.querySelector('.wiki')?.textContent ?? ''));
    const dis = mount({ wiki: async () => ({ ...standard, kind: 'disambiguation', image: null }) as WikiAnswer });
    await until(() => dis.root.querySelector('.disambiguation'));
    expect(dis.root.querySelector('.extract')).toBeNull();
    const none = mount({ wiki: async () => ({ kind: 'none', title: 'X' }) });
    await until(() => none.root.querySelector('.none'));
    const broken = mount({ wiki: async () => Promise.reject(new Error('offline')) });
    await until(() => broken.root.querySelector('.none'));
  });

  it('drops a late answer that belongs to the previous name', async () => {
    let release: (a: WikiAnswer) => void = () => {};
    const late = new Promise<WikiAnswer>((r) => (release = r));
    const wiki = vi.fn((title: string) => (title === 'Juri Uschakow' ? late : Promise.resolve({ kind: 'none', title } as WikiAnswer)));
    const { root, rerender } = mount({ wiki });
    await until(() => wiki.mock.calls.length === 1);
    rerender({ entity: putin, wiki });
    await until(() => root.querySelector('.none'));
    release(standard);
    await new Promise((r) => setTimeout(r, 150));
    expect(root.querySelector('.extract')).toBeNull();
    expect(root.querySelector('.none')).not.toBeNull();
  });
});
