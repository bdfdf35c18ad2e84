// One flat config for the whole workspace: typescript-eslint's recommended rules everywhere, React hooks rules
// in the editor, and the dependency direction of architecture.md (libs never import apps or NestJS/React).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.tools/**',
      '.nx/**',
      '**/coverage/**',
      'e2e/artifacts/**',
      'e2e/test-results/**',
      // the fuzzing tier's Python virtual environment (scripts/fuzz.mjs)
      '.venv-fuzz/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'mongoose', 'react', 'react-dom', '@clinicflow/api', '@clinicflow/editor'],
              message: 'libs stay pure: no NestJS, database or React (architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@clinicflow/channels', '@nestjs/*', 'mongoose', 'react'],
              message: 'libs/rules depends on nothing of ours (architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The editor bundles the contract as it is: nothing but zod and the (pure) rules library, no Node.js built-in.
    files: ['libs/contract/**/*.ts'],
    ignores: ['libs/contract/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@clinicflow/channels',
                '@clinicflow/channels/*',
                '@clinicflow/api',
                '@clinicflow/editor',
                '@nestjs/*',
                'mongoose',
                'mongodb',
                'react',
                'react-dom',
                'node:*',
              ],
              message:
                'libs/contract is the wire contract the editor bundles: zod and @clinicflow/rules only (architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/editor/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
