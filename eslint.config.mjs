// ESLint flat config: typescript-eslint's recommended rules over the TypeScript, the web page's JSX and
// the plain-Node scripts; eslint-config-prettier last so no rule argues with Prettier about layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '.neo4j/',
      'neo4j-launcher/target/',
      'test/artifacts/',
      'out/',
      'bench/data/',
      '.venv-bench/',
      'coverage/',
      '**/generated/',
      '**/*.generated.*',
    ],
  },
  // a disable comment that no longer silences anything is itself an error
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring something away, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**', 'test/**', 'bench/**', 'scripts/**', '*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: globals.browser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    // CommonJS config files (jest)
    files: ['*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
