/**
 * CLI: npm run -s annotate -- <file.html|url> [--format json|md]
 * The same lib/ code as the extension; JSON (the contract in DESIGN.md) or Markdown on stdout,
 * one clear line on stderr and exit code 2 for anything that is not an analysable article.
 */
import { readFile } from 'node:fs/promises';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { ExtractError, extractArticle } from '../lib/extract';
import { toJSON, toMarkdown } from '../lib/report';

const USAGE = 'usage: npm run -s annotate -- <file.html|url> [--format json|md]';
const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 20_000_000;

class CliError extends Error {}

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

async function load(src: string): Promise<{ html: string; url: string | null }> {
  if (/^https?:\/\//i.test(src)) {
    let res: Response;
    try {
      res = await fetch(src, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { 'user-agent': 'news-companion-cli', accept: 'text/html,application/xhtml+xml' } });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot fetch ${src}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
    if (!res.ok) throw new CliError(`cannot fetch ${src}: HTTP ${res.status}`);
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.length > MAX_BYTES) throw new CliError(`page too large: ${(buf.length / 1e6).toFixed(1)} MB`);
    const charset = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? sniffCharset(buf) ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { html: decoder.decode(buf), url: res.url || src };
  }
  try {
    const buf = await readFile(src);
    const charset = sniffCharset(buf) ?? 'utf-8';
    let text: string;
    try {
      text = new TextDecoder(charset).decode(buf);
    } catch {
      text = new TextDecoder('utf-8').decode(buf);
    }
    return { html: text, url: null };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`cannot read ${src}: ${why}`);
  }
}

function sniffCharset(buf: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

async function main() {
  const { src, format } = parseArgs(process.argv.slice(2));
  const { html, url } = await load(src);
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
