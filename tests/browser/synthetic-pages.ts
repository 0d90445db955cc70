/**
 * Long and hostile pages, made on the fly from the demo article so they need no data files:
 * a 10,000-word article, and a 5 MB page (that article plus a huge comment thread, a deep
 * navigation and a large inline JSON blob) — the pages the content script must not freeze on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO = join(import.meta.dirname, '../fixtures/seed-article/index.html');

function demoParagraphs(): string[] {
  const html = readFileSync(DEMO, 'utf8');
  const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
  return [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
}

const words = (html: string) => html.replace(/<[^>]+>/g, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** The article body (paragraphs and subheadings) with at least `minWords` words; every paragraph unique. */
export function longArticleBody(minWords = 10_000): string {
  const paras = demoParagraphs();
  const out: string[] = [];
  let n = 0;
  for (let part = 1; n < minWords; part++) {
    out.push(`<h2>Teil ${part}: Die Gespräche im Kreml</h2>`);
    for (const p of paras) {
      const html = `<p>${p} (Abschnitt ${part}.)</p>`;
      out.push(html);
      n += words(html);
    }
  }
  return out.join('\n');
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Demo Rundschau"><meta property="article:published_time" content="2025-12-03T11:00:00+01:00">${head}
<style>body{font:18px/1.6 Georgia,serif;margin:0}main{max-width:720px;margin:24px auto;padding:0 16px}.c{border-top:1px solid #ddd;font:14px sans-serif}</style>
</head><body>${body}</body></html>`;
}

/** A 10,000-word article on an otherwise ordinary page. */
export function longArticleHtml(minWords = 10_000): string {
  return page('Die langen Gespräche im Kreml', `<header><nav><a href="#a">Home</a> <a href="#b">Politik</a></nav></header>
<main><article><h1>Die langen Gespräche im Kreml</h1>
${longArticleBody(minWords)}
</article></main><footer><a href="#i">Impressum</a></footer>`);
}

/** A page of about `bytes` bytes: the long article buried in a deep menu, thousands of comments and a big JSON blob. */
export function hugePageHtml(bytes = 5_000_000): string {
  const nav: string[] = [];
  for (let i = 0; i < 400; i++) nav.push(`<li class="menu-item menu-item-${i}"><a href="#m${i}" data-track="nav-${i}">Rubrik ${i}</a><ul><li><a href="#m${i}a">Unterrubrik ${i}a</a></li><li><a href="#m${i}b">Unterrubrik ${i}b</a></li></ul></li>`);
  const article = `<main><article><h1>Die langen Gespräche im Kreml</h1>\n${longArticleBody(10_000)}\n</article></main>`;
  const head = `<script type="application/json" id="__DATA__">${JSON.stringify({ items: Array.from({ length: 8000 }, (_, i) => ({ id: i, slug: `eintrag-${i}`, title: `Eintrag Nummer ${i} mit einem langen Titel`, tags: ['politik', 'russland', 'usa'] })) })}</script>`;
  const fixed = page('Die langen Gespräche im Kreml', `<header><nav><ul class="menu">${nav.join('')}</ul></nav></header>${article}<section class="comments">@@</section>`, head);
  const comments: string[] = [];
  let size = fixed.length;
  for (let i = 0; size < bytes; i++) {
    const c = `<div class="c" id="c${i}" data-id="${i}"><div class="meta"><a href="#u${i % 997}" class="user">Leser${i % 997}</a> <time datetime="2025-12-03T12:${String(i % 60).padStart(2, '0')}:00Z">vor ${i % 59 + 1} Minuten</time></div><div class="body"><p>Kommentar ${i}: Ich halte die Gespräche für wenig aussichtsreich, solange keine Seite nachgibt. <b>Antwort</b> auf <a href="#c${Math.max(0, i - 1)}">#${Math.max(0, i - 1)}</a>.</p></div><div class="actions"><button type="button">Antworten</button><button type="button">Melden</button><span class="votes">${i % 13}</span></div></div>`;
    comments.push(c);
    size += c.length;
  }
  return fixed.replace('@@', comments.join('\n'));
}
