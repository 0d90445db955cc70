/** Reading a page for the CLI and the evaluations: a file (charset from its <meta>) or a URL. */
import { readFile } from 'node:fs/promises';

const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 20_000_000;

/** A page that cannot be read: the message is the one line the CLI prints. */
export class CliError extends Error {}

export async function loadPage(src: string): Promise<{ html: string; url: string | null }> {
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
