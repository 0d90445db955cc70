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
  },
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 4096 },
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
