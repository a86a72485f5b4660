import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `@shared/…` is shared/, as in tsconfig.json and electron.vite.config.ts.
const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // A limit for hung tests, not a speed check (timings belong to `npm run bench`): a shared,
          // loaded 2-core machine takes many seconds for what takes milliseconds on a quiet one.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          pool: 'forks',
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for what the screen settles on (a reload after a save, a queue of
          // autosaves): 1 s by default is a bet on timing that a loaded machine loses.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
