// Type-checked ESLint for the whole workspace (see ../shared/reference/style.md §3.8).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The engine's stages, in order: a stage may import only the stages before it (and the shared modules). `from` lists,
 * for each folder, the folders it must not import.
 */
const ENGINE_ORDER = [
  'config',
  'http',
  'transforms',
  'metadata',
  'introspect',
  'model',
  'schema',
  'plan',
  'compiler',
  'executor',
  'actions',
  'execute',
  'subscriptions',
  'server',
];
const engineZones = ENGINE_ORDER.slice(0, -1).map((stage, i) => ({
  target: `./engine/src/${stage}`,
  from: ENGINE_ORDER.slice(i + 1).map((later) => `./engine/src/${later}`),
  message: `engine/src/${stage} is an earlier stage: it must not import a later one (${ENGINE_ORDER.join(' → ')}).`,
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.stack/**',
      '.tmp/**',
      '**/.scratch/**',
      '**/generated/**',
      'test-artifacts/**',
      '**/*.mjs',
      'under_maintenance/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['express', 'ioredis', 'express-session'], patterns: ['**/api/**'] }],
    },
  },
  {
    files: ['engine/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: engineZones }],
    },
  },
  {
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings through engine/src/config (readEngineConfig) and pass the config object down.',
        },
      ],
    },
  },
  {
    files: ['engine/src/compiler/**/*.ts', 'engine/src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['pg'], patterns: ['**/executor/**'] }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
