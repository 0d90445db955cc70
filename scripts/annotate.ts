/**
 * CLI: npm run -s annotate -- <file.html|url> [--format json|md]
 * The same lib/ code as the extension; JSON (the contract in DESIGN.md) or Markdown on stdout,
 * one clear line on stderr and exit code 2 for anything that is not an analysable article.
 */
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { ExtractError, extractArticle } from '../lib/extract';
import { toJSON, toMarkdown } from '../lib/report';
import { CliError, loadPage } from './page-source';

const USAGE = 'usage: npm run -s annotate -- <file.html|url> [--format json|md]';

function parseArgs(argv: string[]): { src: string; format: 'json' | 'md' } {
  let src: string | null = null;
  let format: 'json' | 'md' = 'json';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'json' && v !== 'md' && v !== 'markdown') throw new CliError(`unknown format "${v ?? ''}" (json or md)`);
      format = v === 'json' ? 'json' : 'md';
    } else if (a.startsWith('--format=')) {
      const v = a.slice(9);
      if (v !== 'json' && v !== 'md' && v !== 'markdown') throw new CliError(`unknown format "${v}" (json or md)`);
      format = v === 'json' ? 'json' : 'md';
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a}`);
    else if (src) throw new CliError('one page at a time');
    else src = a;
  }
  if (!src) throw new CliError('no page given');
  return { src, format };
}

async function main() {
  const { src, format } = parseArgs(process.argv.slice(2));
  const { html, url } = await loadPage(src);
  const article = extractArticle(html, url);
  const analysis = analyze(article, nodeEngine);
  process.stdout.write(format === 'json' ? JSON.stringify(toJSON(analysis), null, 2) + '\n' : toMarkdown(analysis));
}

main().catch((e) => {
  if (e instanceof CliError || e instanceof ExtractError) {
    process.stderr.write(`annotate: ${e.message}\n`);
    if (e instanceof CliError && /no page given|unknown|one page/.test(e.message)) process.stderr.write(USAGE + '\n');
  } else process.stderr.write(`annotate: internal error: ${(e as Error)?.message ?? e}\n`);
  process.exit(2);
});
