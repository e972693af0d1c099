import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import Electron; the core must run under plain Node.' };
const noNode = { group: nodeBuiltins, message: 'shared/ and renderer/ run in the sandboxed renderer too: no Node modules.' };
const noAppLayers = { regex: '(^|/)(electron|test|bench|scripts)/', message: 'The renderer and shared/ import only shared/ (and packages); go through window.api for anything else.' };
const noUpperLayers = { regex: '(^|/)(main|preload|renderer)/', message: 'electron/core is below main, preload and the renderer: it must not import them.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', '**/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // Layer boundaries (ARCHITECTURE.md): shared ← core ← main/preload; shared ← renderer.
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noAppLayers] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noAppLayers] }] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noUpperLayers] }] },
  },
);
