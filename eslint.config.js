// Lint keeps the layers apart (see docs/architecture.md):
//   shared/    pure TypeScript: no electron, no node:*, no DOM globals
//   electron/  kernel, features, app: no electron (only main/ and preload/ may); the layer rules below
//   renderer/  no electron, no node:*; talks to main through window.api only; reaches shared/
//              through the `@shared/…` alias (tsconfig paths, vite and vitest resolve.alias)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'https', 'module', 'net', 'os', 'path', 'process', 'readline', 'stream', 'timers', 'tls', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const noNode = [{ group: ['node:*'], message: 'This layer must not use Node built-ins.' }];
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const noBetterSqlite = { name: 'better-sqlite3', message: 'The store lives in electron/.' };
const rendererImports = {
  paths: [noElectron, noBetterSqlite, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
  patterns: [
    ...noNode,
    { group: ['**/electron/**'], message: 'The renderer reaches main only through window.api.' },
    { group: ['**/shared', '**/shared/**'], message: 'Import shared/ as @shared/… (one spelling, whatever the folder depth).' },
  ],
};
const toRenderer = { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, noBetterSqlite, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure.' }))],
        patterns: [...noNode, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ has no Node.' },
        { name: 'Buffer', message: 'shared/ has no Node.' },
        { name: 'require', message: 'shared/ has no Node.' },
      ],
    },
  },
  // electron/: kernel ← features ← app (the one composition root) ← main. Features may use the
  // kernel and each other, never the composition root; the kernel uses no feature; the router
  // (kernel/ipc/router.ts) and the CLI entry (app/cli) are imported by app/ only; main/ and
  // preload/ reach the rest through app/ (preload: shared/ipc alone). Tests may start the app.
  // test/unit/layer-boundaries.test.ts lints a deliberate violation in each layer.
  {
    // Keys typed by people ("constructor" as a survey answer) must not reach a prototype.
    // canonical.ts only asks `i in array` (holes in arrays), never with a text key.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/package/canonical.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "BinaryExpression[operator='in']",
        message: '`key in obj` also finds inherited names (constructor, toString, __proto__): use Object.hasOwn or own() from shared/own.ts.',
      }],
    },
  },
  {
    files: ['electron/kernel/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          toRenderer,
          { group: ['**/features/**', '**/features'], message: 'The kernel imports no feature: features build on the kernel.' },
          { group: ['**/app/**', '**/app'], message: 'Only the composition root (electron/app) puts the app together; the kernel does not import it.' },
          { group: ['**/main/**', '**/preload/**'], message: 'Only electron/app reaches main/ and preload/.' },
        ],
      }],
    },
  },
  {
    files: ['electron/features/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          toRenderer,
          { group: ['**/app/**', '**/app'], message: 'Features do not import the composition root (electron/app): it imports them.' },
          { group: ['**/kernel/ipc/router'], message: 'Only the composition root uses the router; bind channels with kernel/ipc/handler.ts.' },
          { group: ['**/main/**', '**/preload/**'], message: 'Only electron/app reaches main/ and preload/.' },
        ],
      }],
    },
  },
  {
    files: ['electron/app/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [toRenderer, { group: ['**/main/**', '**/preload/**'], message: 'The composition root runs without Electron: electron/main starts it, not the reverse.' }],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          toRenderer,
          { group: ['**/kernel/**', '**/features/**'], message: 'electron/main reaches the app only through electron/app (createAppRuntime and its ports).' },
          { group: ['**/preload/**'], message: 'The preload is built on its own.' },
        ],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          toRenderer,
          { group: ['**/kernel/**', '**/features/**', '**/app/**', '**/main/**'], message: 'The sandboxed preload takes the channel names from shared/ipc and nothing else.' },
        ],
      }],
    },
  },
  {
    // A small typed repository per table group (features/<f>/*-repo.ts) maps rows once; the rest
    // of a feature takes typed values. No feature file is exempt.
    files: ['electron/features/**/*.ts'],
    ignores: ['electron/features/**/*-repo.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL lives in the feature\'s *-repo.ts.' },
        { selector: "CallExpression[callee.name='stmt']", message: 'SQL lives in the feature\'s *-repo.ts.' },
      ],
    },
  },
  {
    files: ['electron/**/*.test.ts'],
    ignores: ['electron/main/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [toRenderer] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', rendererImports] },
  },
  {
    // window.api is touched in one module; screens call main through useApiCall/useApiLoad.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Call main through useApiCall/useApiLoad (lib/use-api-call.ts).' }],
    },
  },
  {
    // Screens and widgets do not use the raw client: busy, errors and unmounting are the hook's.
    // The exceptions own calls that outlive a screen (the assessment autosave) or are not
    // calls (the menu subscription in Layout).
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}'],
    ignores: ['renderer/src/features/commune/assessment/assessment-store.ts', 'renderer/src/components/Layout.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        ...rendererImports,
        patterns: [...rendererImports.patterns, { group: ['**/lib/api'], message: 'Call main through useApiCall/useApiLoad (lib/use-api-call.ts).' }],
      }],
    },
  },
);
