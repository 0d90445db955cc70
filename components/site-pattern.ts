/**
 * The host permission and content-script match pattern for a site the reader switched to "Always
 * annotate". Firefox rejects or ignores a port in match patterns (so "http://127.0.0.1:8080/*" never
 * matches there), and in Chrome a pattern without a port matches every port: the pattern names the
 * scheme and host only.
 */
export function sitePattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
