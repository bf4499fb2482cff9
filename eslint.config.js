// Type-checked ESLint for the whole workspace (see ../shared/reference/style.md §3.8).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['engine/src/compiler/**/*.ts', 'engine/src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['pg'], patterns: ['**/executor/**'] }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
