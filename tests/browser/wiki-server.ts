/**
 * A stand-in for Wikipedia's REST summary endpoint on 127.0.0.1: serves the responses under
 * tests/fixtures/wikipedia/<lang>/<Title>.json in the API's shape, the API's 404 for any other
 * title, and one portrait for every thumbnail. Every request is logged, so tests can tell that
 * nothing was asked before the reader turned look-ups on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './harness';

const DIR = join(ROOT, 'tests/fixtures/wikipedia');

export interface WikiServer {
  server: Server;
  origin: string;
  /** The base URL for the extension's `wikipediaBase` setting. */
  base: string;
  requests: string[];
  close(): void;
}

export async function serveWikipedia(): Promise<WikiServer> {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path.startsWith('/upload/')) {
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync(join(DIR, 'portrait.png')));
    }
    const m = /^\/api\/([a-z]{2,3})\/([^/]+)$/.exec(path);
    const file = m && join(DIR, m[1], `${decodeURIComponent(m[2]).replace(/[^\p{L}\p{N}_()-]/gu, '')}.json`);
    if (!file || !existsSync(file)) {
      const body = { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.', uri: path };
      return void res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify(body));
    }
    const json = readFileSync(file, 'utf8').replaceAll('https://upload.wikimedia.org/', `${origin}/upload/`);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/Summary/1.5.0"' }).end(json);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { server, origin, base: `${origin}/api/{lang}/`, requests, close: () => server.close() };
}
