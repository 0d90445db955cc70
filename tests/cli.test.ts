/** The CLI on the demo article, against the hand-made gold annotation (tests/fixtures/seed-article/expected.json). */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DEMO = join(ROOT, 'tests/fixtures/seed-article/index.html');
const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/seed-article/expected.json'), 'utf8'));
const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cli = (...args: string[]) => spawnSync(tsx, [join(ROOT, 'scripts/annotate.ts'), ...args], { encoding: 'utf8' });

/** Forms the gold annotation leaves out although the article uses them for the same entity. */
const ALIASES_NOT_IN_GOLD: Record<string, string[]> = { 'Vereinigte Staaten': ['USA'] };

describe('annotate CLI on the demo article', () => {
  const out = JSON.parse(execFileSync(tsx, [join(ROOT, 'scripts/annotate.ts'), DEMO], { encoding: 'utf8' }));

  it('has the article’s metadata', () => {
    expect(out).toMatchObject({ title: gold.title, published: gold.published, lang: 'de', siteName: 'Demo Rundschau', url: null });
    expect(out.summary.length).toBeGreaterThanOrEqual(3);
    expect(out.summary.length).toBeLessThanOrEqual(5);
  });

  for (const [key, type] of [['people', 'person'], ['places', 'place'], ['organizations', 'organization']] as const) {
    it(`finds exactly the ${key} of the gold annotation, forms merged, roles as given`, () => {
      const found = out.entities.filter((e: { type: string }) => e.type === type);
      expect(found.map((e: { name: string }) => e.name).sort()).toEqual(gold[key].map((g: { canonical: string }) => g.canonical).sort());
      for (const g of gold[key]) {
        const e = found.find((x: { name: string }) => x.name === g.canonical);
        expect(new Set(e.forms), g.canonical).toEqual(new Set([...g.forms, ...(ALIASES_NOT_IN_GOLD[g.canonical] ?? [])]));
        if ('role' in g) expect(e.role, g.canonical).toBe(g.role);
        // stand-alone mentions; a name that only occurs inside compounds ("Telegram-Beitrag") counts those
        const standalone = e.occurrences.filter((o: { partOfWord?: boolean }) => !o.partOfWord).length;
        expect(e.mentions).toBe(standalone || e.occurrences.length);
      }
    });
  }

  it('takes nothing from the not-entities list', () => {
    const names = new Set(out.entities.flatMap((e: { name: string; forms: string[] }) => [e.name, ...e.forms]));
    for (const n of gold.not_entities) expect(names.has(n), n).toBe(false);
  });

  it('finds all 15 quotations with their speakers, in order, partial and group as given', () => {
    const direct = out.quotes.filter((q: { kind: string }) => q.kind === 'direct');
    expect(direct.map((q: { text: string }) => q.text)).toEqual(gold.quotes.map((q: { text: string }) => q.text));
    gold.quotes.forEach((g: { text: string; speaker: string; partial?: boolean; group?: boolean }, i: number) => {
      expect(direct[i].speaker.toLowerCase(), g.text).toBe(g.speaker.toLowerCase());
      expect(direct[i].partial, g.text).toBe(!!g.partial);
      expect(!!direct[i].group, g.text).toBe(!!g.group);
      if (!g.group) expect(out.entities.find((e: { id: string }) => e.id === direct[i].speakerId)?.name).toBe(g.speaker);
    });
  });

  it('finds the 4 indirect statements with their speakers', () => {
    const ind = out.quotes.filter((q: { kind: string }) => q.kind === 'indirect');
    expect(ind.map((q: { text: string; speaker: string }) => [q.text, q.speaker])).toEqual(gold.indirect_speech.map((g: { text: string; speaker: string }) => [g.text, g.speaker]));
  });

  it('points every quote at its place in the article', () => {
    const blocks = JSON.parse(execFileSync(tsx, ['-e', `import('${join(ROOT, 'lib/extract.ts')}').then(m=>console.log(JSON.stringify(m.extractArticle(require('fs').readFileSync('${DEMO}','utf8')).blocks.map(b=>b.text))))`], { encoding: 'utf8' }));
    for (const q of out.quotes) expect(blocks[q.block].slice(q.start, q.end)).toBe(q.text.split('\n')[0]);
  });

  it('prints a readable Markdown report', () => {
    const md = cli(DEMO, '--format', 'md');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# US-Delegation trifft Putin/);
    expect(md.stdout).toContain('Demo Rundschau · 03.12.2025');
    expect(md.stdout).toContain('- **Juri Uschakow** — Putins oberster außenpolitischer Berater');
    expect(md.stdout).toContain('„Produktiv“ — **Kirill Dmitriev**, wichtiger Gesprächspartner der Trump-Regierung');
  });
});

describe('annotate CLI errors', () => {
  it.each([
    [['/no/such/file.html'], /^annotate: cannot read \/no\/such\/file\.html: no such file\n$/],
    [['http://127.0.0.1:1/'], /^annotate: cannot fetch http:\/\/127\.0\.0\.1:1\/: /],
    [[], /^annotate: no page given\nusage: /],
    [[DEMO, '--format', 'pdf'], /^annotate: unknown format "pdf"/],
  ])('%j → exit 2 with one clear line', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(r.stdout).toBe('');
  });

  it('a page without an article', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'nc-')), 'nav.html');
    writeFileSync(f, '<html><body><nav><a href="/">Home</a> <a href="/b">B</a></nav></body></html>');
    const r = cli(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('annotate: no article found on this page\n');
  });
});
