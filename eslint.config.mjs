// Lint: typescript-eslint's recommended rules plus the layout's boundaries:
// shared/ imports nothing of ours outside shared/; renderer/ and main/ never import each
// other; the core, scenarios and CLI never import Electron (only main/electron/ does).
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

const banned = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

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
    rules: { 'no-restricted-imports': banned(['**/renderer/**'], 'main/ never imports renderer/') },
  },
);
