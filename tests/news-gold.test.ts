/**
 * The page scorer (scripts/news-gold.ts, behind `npm run eval:pages`) against news-gold's reference
 * score.py: the same counts on every page of ../shared/data/news-gold for the engine's own output
 * (skipped with a message where that folder or python3 is missing), and its rules on made-up pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { extractArticle } from '../lib/extract';
import { toJSON } from '../lib/report';
import { roleRight, scorePage, summarize, type GoldPage } from '../scripts/news-gold';

const GOLD = join(__dirname, '../../shared/data/news-gold');
const PAGES = join(__dirname, '../../shared/data/trafilatura-pages/pages');
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
const hasGold = existsSync(join(GOLD, 'score.py')) && existsSync(PAGES);
if (!hasGold || !hasPython) console.warn(`[skipped] news-gold agreement with score.py: ${!hasGold ? `${GOLD} not found` : 'python3 not found'}`);

describe('news-gold scorer', () => {
  const gold: GoldPage = {
    page: 'x.html',
    language: 'de',
    people: [
      { canonical: 'Wladimir Putin', forms: ['Wladimir Putin', 'Putin', 'Putins'], role: 'russischer Präsident' },
      { canonical: 'Juri Uschakow', forms: ['Uschakow'], role: 'Berater' },
    ],
    places: [{ canonical: 'Moskau', forms: ['Moskau'] }],
    quotes: [
      { text: 'Wir sind bereit, weiter zu reden.', speaker: 'Wladimir Putin' },
      { text: 'Das war produktiv', speaker: 'Juri Uschakow' },
      { text: 'Ordnungswidrigkeit', speaker: null, scare: true },
    ],
  };

  it('matches names by any form, genitive and possessive ignored, one to one', () => {
    const s = scorePage(gold, {
      entities: [
        { id: 'e1', type: 'person', name: 'Putins', forms: ['Putins'], role: 'Präsident' },
        { id: 'e2', type: 'person', name: 'Pyjama', forms: ['Pyjama'] },
        { id: 'e3', type: 'place', name: 'Moskau' },
        { id: 'e4', type: 'place', name: 'Moskau' },
      ],
      quotes: [],
    });
    expect(s.people).toEqual({ tp: 1, pred: 2, gold: 2 });
    expect(s.places).toEqual({ tp: 1, pred: 2, gold: 1 });
    expect(s.errors).toContain('FP person: Pyjama');
  });

  it('counts a speaker right by its entity, its text or a shared last name, and a withheld one as not right', () => {
    const s = scorePage(gold, {
      entities: [{ id: 'e1', type: 'person', name: 'Wladimir Putin', forms: ['Putin'] }],
      quotes: [
        { text: 'Wir sind bereit, weiter zu reden', speakerId: 'e1', speaker: 'Wladimir Putin', kind: 'direct' },
        { text: 'Das war produktiv', speaker: null, speakerId: null, uncertain: true, kind: 'direct' },
        { text: 'Ordnungswidrigkeit', speaker: null, kind: 'direct' },
        { text: 'dass es weitergeht', speaker: 'Putin', kind: 'indirect' },
      ],
    });
    expect(s.quotes).toEqual({ tp: 3, pred: 3, gold: 3 });
    expect(s.speakers).toEqual({ ok: 1, gold: 2 });
    expect(s.withheld).toBe(1);
    expect(s.shown).toEqual({ ok: 1, total: 1 });
    expect(summarize([s]).shownSpeakerAccuracy).toBe(1);
  });

  it('takes a role as right when it shares at least half the words of the longer of the two', () => {
    expect(roleRight('russischer Präsident', 'Präsident')).toBe(true);
    expect(roleRight('Nach', 'russischer Präsident')).toBe(false);
    expect(roleRight('Arzt', 'Palliativmediziner; Arzt')).toBe(true);
    expect(roleRight(null, 'Arzt')).toBe(false);
    const s = scorePage(gold, { entities: [{ type: 'person', name: 'Wladimir Putin', role: 'Nach' }, { type: 'person', name: 'Uschakow', role: 'außenpolitischer Berater' }] });
    expect(s.roles).toEqual({ ok: 1, gold: 2 });
  });

  it.skipIf(!hasGold || !hasPython)('gives the same counts as score.py on every news-gold page', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-gold-'));
    const files = readdirSync(GOLD).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(32);
    for (const f of files) {
      const g = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldPage;
      const pred = toJSON(analyze(extractArticle(readFileSync(join(PAGES, g.page), 'utf8'), null), nodeEngine));
      writeFileSync(join(dir, f), JSON.stringify(pred));
      const ref = JSON.parse(execFileSync('python3', [join(GOLD, 'score.py'), join(GOLD, f), join(dir, f)], { encoding: 'utf8' }));
      const { people, places, organizations, quotes, speakers } = scorePage(g, pred);
      expect({ page: f, people, places, organizations, quotes, speakers }).toEqual({ page: f, ...ref });
    }
  });
});
