// Process boundaries are enforced here, not by memory (../shared/CONVENTIONS.md "The house").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'net', 'http', 'os', 'child_process', 'stream', 'events', 'url', 'util', 'zlib', 'buffer'];

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

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
    },
  },
  {
    // CommonJS files (the stand-in 'electron' module for shell tests) can only require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', '**/src-main/**', '**/src-server/**', '**/src-sim/**', '**/src-renderer/**', 'better-sqlite3', 'serialport'],
      'shared/ is pure: no Node, Electron, DOM or other process code.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([...nodeBuiltins, 'electron', '**/src-main/**', '**/src-server/**', '**/src-sim/**', 'better-sqlite3', 'serialport'], 'The renderer talks to the core only through the typed contract.'),
    },
  },
  {
    // The renderer's build config runs in Node, not in the page.
    files: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: forbid(['**/src-renderer/**', '**/src-server/**', '**/src-sim/**'], 'The terminal core never imports another process.'),
  },
  {
    files: ['src-server/**/*.ts'],
    rules: forbid(['**/src-renderer/**', '**/src-main/**', '**/src-sim/**', 'electron'], 'The server never imports another process.'),
  },
  {
    files: ['src-sim/**/*.ts'],
    rules: forbid(['**/src-renderer/**', '**/src-main/**', '**/src-server/**', 'electron'], 'The simulator is the institution: it shares nothing with our server.'),
  },
);
