import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// `@shared/…` is shared/ (pure TypeScript for every process); tsconfig.json and
// vitest.config.ts declare the same alias.
const alias = { '@shared': resolve(__dirname, 'shared') };

// One build for the three processes. Main also emits the `chiso` CLI so the
// packaged app and `npx chiso` run the very same services as the window.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          chiso: resolve(__dirname, 'electron/app/cli/chiso.ts'),
          // The import's worker threads (electron/features/import/pool.ts looks for it beside the entries).
          'import-worker': resolve(__dirname, 'electron/features/import/pool-worker.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'chiso' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
        // A sandboxed preload can require nothing but Electron. It imports the channel names from
        // the contract (shared/ipc/contract.ts), whose schemas are zod calls: declared pure here,
        // and with modules kept only for what is used, the bundle holds the name lists alone.
        // test/e2e/preload-bundle.e2e.test.ts checks the built file.
        treeshake: { moduleSideEffects: false, manualPureFunctions: ['z'] },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    resolve: { alias },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
