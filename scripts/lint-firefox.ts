/**
 * npm run -s lint:firefox: Mozilla's add-on linter (`web-ext lint`) on the Firefox build that `npm test`
 * makes (.output/e2e/firefox-mv3; another folder as the first argument). Prints one line per error and
 * a summary; exit code 1 when there is an error. Warnings are listed by kind, not failed on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(ROOT, '.output/e2e/firefox-mv3'));
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`no Firefox build at ${dir}: run npm run build:e2e`);
  process.exit(2);
}
const r = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report: { count: number; summary: { errors: number; warnings: number; notices: number }; errors: Msg[]; warnings: Msg[] };
interface Msg { code: string; message: string; file?: string; line?: number }
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error(`web-ext lint gave no report (exit ${r.status}):\n${r.stderr || r.stdout}`);
  process.exit(2);
}
for (const e of report.errors) console.log(`error ${e.code}: ${e.message} (${e.file ?? ''}${e.line ? `:${e.line}` : ''})`);
const kinds = new Map<string, number>();
for (const w of report.warnings) kinds.set(`${w.code} in ${w.file}`, (kinds.get(`${w.code} in ${w.file}`) ?? 0) + 1);
console.log(`web-ext lint ${dir.replace(`${ROOT}/`, '')}: ${report.summary.errors} errors, ${report.summary.warnings} warnings${kinds.size ? ` (${[...kinds].map(([k, n]) => `${n}× ${k}`).join(', ')})` : ''}, ${report.summary.notices} notices`);
process.exit(report.summary.errors ? 1 : 0);
