// Code rules. The process boundaries (README.md, Layout) and import cycles are checked by
// dependency-cruiser (.dependency-cruiser.cjs), the DOM/Node libraries by a tsconfig per process;
// both run in `npm run lint` / `npm run typecheck` (../shared/CONVENTIONS.md "The house").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', '.data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Prettier (npm run lint's first step) owns the layout; its `f()\n['x']()` chains are not ASI hazards.
      'no-unexpected-multiline': 'off',
    },
  },
  {
    // CommonJS files (the stand-in 'electron' module for shell tests, the depcruise config) can only require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The renderer's build config runs in Node, not in the page.
    files: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
