// Lint: typescript-eslint's recommended rules plus the layout's boundaries:
// shared/ imports nothing of ours outside shared/; renderer/ and main/ never import each
// other; the core, scenarios and CLI never import Electron (only main/electron/ does).
// Inside main/, host and worker processes stay apart: worker and program code (main/worker/,
// the scenarios' programs) never imports host code (the core, the checks, the CLI, the shell,
// the launcher, the benchmark, Electron's side), and host code never imports worker code;
// what both need lives in shared/ or main/protocol/. The programs students read import only
// the `lab` API's types and shared/.
// Each file gets one list per rule (a later block's list replaces an earlier one), so the
// lists are composed here.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const banned = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];
/** Several lists, each with its own message, in one rule's options. */
const bannedAll = (...lists) => ['error', { patterns: lists.flatMap(([patterns, message]) => patterns.map((group) => ({ group: [group], message }))) }];

const NOT_RENDERER = [['**/renderer/**'], 'main/ never imports renderer/'];
const NOT_ELECTRON = [['electron', '**/electron/**'], 'the core knows nothing of Electron; only main/electron/ may'];
const NOT_HOST = [
  ['**/core/**', '**/checks/**', '**/checks', '**/cli/**', '**/shell/**', '**/start/**', '**/bench/**', '**/electron/**', 'electron'],
  'worker and program code never imports host code (main/core, the checks, cli, shell, start, bench, electron); put what both need in shared/ or main/protocol/',
];
const NOT_WORKER = [
  ['**/worker/**', '**/programs/**', '**/programs'],
  'host code never imports worker code (main/worker, the scenarios\' programs); put what both need in shared/ or main/protocol/',
];
const WORKER_SIDE = ['main/worker/**/*.ts', 'main/scenarios/programs/**/*.ts', 'main/scenarios/internal/programs/**/*.ts'];
const HOST_SIDE = [
  'main/core/**/*.ts', 'main/scenarios/checks/**/*.ts', 'main/scenarios/internal/checks/**/*.ts',
  'main/cli/**/*.ts', 'main/shell/**/*.ts', 'main/start/**/*.ts', 'main/bench/**/*.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'tests/support/*.cjs'] },
  ...tseslint.configs.recommended,
  // The app's components: Svelte's recommended rules, <script lang="ts"> parsed by typescript-eslint.
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
    // Our Maps and Sets are plain on purpose (caches, listeners, values rebuilt and reassigned to
    // $state); what must be reactive is a $state field.
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': banned(['../../*', '**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'node:*'], 'shared/ imports nothing of ours outside shared/, and no Node or Electron module') },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: { 'no-restricted-imports': banned(['**/main/**', 'electron'], 'renderer/ never imports main/ (use shared/ and the transport)') },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': banned(['**/renderer/**', 'electron', '**/electron/**'], 'the core knows nothing of Electron or the renderer; only main/electron/ may') },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': bannedAll(NOT_RENDERER, NOT_WORKER) },
  },
  {
    files: HOST_SIDE,
    rules: { 'no-restricted-imports': bannedAll(NOT_RENDERER, NOT_ELECTRON, NOT_WORKER) },
  },
  {
    files: WORKER_SIDE,
    rules: { 'no-restricted-imports': bannedAll(NOT_RENDERER, NOT_HOST) },
  },
  {
    // What students read: the `lab` API's types and shared/ only (the registry gathers them all).
    files: ['main/scenarios/programs/**/*.ts'],
    ignores: ['main/scenarios/programs/registry.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/worker/**'], allowTypeImports: true, message: 'a program imports only the types of the lab API (main/worker/lab, handles), never worker code' },
          { group: ['**/protocol/**', '**/internal/**', 'node:*'], message: 'a program imports only the lab API\'s types and shared/' },
        ],
      }],
    },
  },
  {
    // Both sides import these: they import neither side (main/protocol/ imports only itself).
    files: ['main/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': banned(['../*', 'electron'], 'main/protocol/ is imported by host and workers alike: it imports nothing of ours outside main/protocol/') },
  },
  {
    files: ['main/scenarios/internal/*.ts'],
    rules: { 'no-restricted-imports': bannedAll(NOT_RENDERER, NOT_HOST, NOT_WORKER) },
  },
);
