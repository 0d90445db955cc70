import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    // browser tests share one Chromium per file; files run one at a time on this 2-core machine
    fileParallelism: false,
    testTimeout: 20_000,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
