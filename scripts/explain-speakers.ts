/**
 * npm run -s explain:speakers -- <page.html> [--quote <words>] [--features]
 * For each quotation of a page: the candidates the speaker stage saw, the ranker's probability for
 * each, who decided (ranker, discourse rule, interview), and whom each candidate resolves to. For
 * finding out why a speaker is wrong; --features lists each candidate's features with their weights.
 */
import { analyzeWith } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { extractArticle } from '../lib/extract';
import type { Candidate } from '../lib/speakers/candidates';
import { rankerModel } from '../lib/speakers/ranker';
import { loadPage } from './page-source';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--quote');
const needle = args.includes('--quote') ? args[args.indexOf('--quote') + 1] : null;
const withFeatures = args.includes('--features');
if (!file) {
  process.stderr.write('usage: npm run -s explain:speakers -- <page.html> [--quote <words>] [--features]\n');
  process.exit(2);
}
// piped into head: stop quietly when the reader has seen enough
process.stdout.on('error', () => process.exit(0));
const { html, url } = await loadPage(file);
const model = rankerModel();
const label = (c: Candidate) => (c.kind === 'name' ? c.entity!.name : c.kind === 'np' ? c.np!.text : c.kind === 'prev' ? `previous: ${c.prev!.name}` : c.word);
analyzeWith(extractArticle(html, url), nodeEngine, {
  speakerTrace: (t) => {
    if (needle && !t.quote.text.includes(needle)) return;
    const q = t.quote;
    console.log(`\n“${q.text.replace(/\n/g, ' ').slice(0, 90)}”\n  → ${q.uncertain ? `uncertain (guess ${q.guess?.speaker})` : q.speaker ?? '-'} · confidence ${q.speakerConfidence ?? '-'} · by ${t.via ?? '-'}`);
    t.candidates
      .map((c, i) => [c, t.probs[i]] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, withFeatures ? 8 : 20)
      .forEach(([c, p]) => {
        const r = t.resolve(c);
        console.log(`  ${c === t.chosen ? '*' : ' '} ${p.toFixed(3)} ${c.kind.padEnd(4)} ${label(c)} @${c.loc}${r && r.name !== label(c) ? ` → ${r.name}` : ''}`);
        if (withFeatures) console.log('        ' + c.features.filter((f) => !/^(?:de|en)\|/.test(f)).map((f) => `${f}=${(model.weights.get(f) ?? 0).toFixed(2)}`).join(' '));
      });
  },
});
