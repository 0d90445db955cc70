import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

/**
 * NC_E2E=1 builds the variant the browser tests and the headless demo use: it may annotate
 * pages on 127.0.0.1 without a toolbar click, so tests can drive it. Production builds ask
 * for no host permission at install time.
 */
const e2e = process.env.NC_E2E === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output/e2e' : '.output',
  hooks: {
    // The tagger models ship as plain files the background fetches once (never inlined into JS).
    'build:publicAssets': (_wxt, files) => {
      for (const lang of ['de', 'en']) files.push({ absoluteSrc: resolve(`assets/models/ner-${lang}.bin`), relativeDest: `models/ner-${lang}.bin` });
    },
    // The content script runs inside every page the reader annotates, under a 60 KB budget: it uses the
    // browser's own promise-based `browser`/`chrome` (all it calls is messaging, i18n and runtime.id)
    // instead of carrying webextension-polyfill (~10 KB) into each page. Extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      config.resolve ??= {};
      const current = config.resolve.alias;
      const list = Array.isArray(current) ? current : Object.entries(current ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve.alias = [alias, ...list.filter((a) => a.find !== 'wxt/browser')];
    },
  },
  vite: () => ({
    plugins: [preact()],
    // An ES version as the target, not browser versions: for a browser-version target esbuild writes every
    // regular expression with \p{…} (the engine's words and names are full of them) as a new RegExp made
    // each time the expression runs. Chrome's MV3 and Firefox 115+ run ES2022.
    build: { chunkSizeWarningLimit: 4096, target: 'es2022' },
    // linkedom loads the optional `canvas` package inside a try/catch the bundler cannot see through: it
    // bundled an empty module, and every page with a <canvas> crashed the analysis. Use linkedom's own shim.
    resolve: { alias: { canvas: resolve('node_modules/linkedom/commonjs/canvas-shim.cjs') } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      annotate: {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandAnnotate__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // 140: the first ESR with the CSS Custom Highlight API (the marks) and with data_collection_permissions;
          // Android got the latter in 142. The fixed id keeps storage and the test profile's UUID stable.
          browser_specific_settings: {
            gecko: { id: 'news-companion@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
