import { describe, expect, it } from 'vitest';
import { sitePattern } from './site-pattern';

describe('sitePattern', () => {
  it.each([
    ['https://www.spiegel.de', 'https://www.spiegel.de/*'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1/*'],
    ['https://example.org:8443', 'https://example.org/*'],
    ['http://[::1]:3000', 'http://[::1]/*'],
  ])('%s → %s (no port, which Firefox would not match)', (origin, pattern) => {
    expect(sitePattern(origin)).toBe(pattern);
  });
});
