import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import Electron; the core must run under plain Node.' };
const noNode = { group: nodeBuiltins, message: 'shared/ and renderer/ run in the sandboxed renderer too: no Node modules.' };
const noAppLayers = { regex: '(^|/)(electron|test|bench|scripts)/', message: 'The renderer and shared/ import only shared/ (and packages); go through window.api for anything else.' };
const noUpperLayers = { regex: '(^|/)(main|preload|renderer)/', message: 'electron/core is below main, preload and the renderer: it must not import them.' };

// no-restricted-imports sees only static imports; these selectors close the other doors:
// import('x'), require('x'), createRequire(…)('x') and module.require('x').
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const electronModule = '/^electron(\\/.*)?$/';
const nodeModule = `/^(node:.*|(${builtinModules.map(escapeRegex).join('|')})(\\/.*)?)$/`;
const requireCallee = ['CallExpression[callee.name="require"]', 'CallExpression[callee.property.name="require"]', 'CallExpression[callee.callee.name="createRequire"]'];
/** Selectors for loading `moduleRegex` at run time: a dynamic import (string or plain template) or any require. */
const loads = (moduleRegex) => [
  `ImportExpression[source.value=${moduleRegex}]`,
  `ImportExpression > TemplateLiteral.source[expressions.length=0][quasis.0.value.cooked=${moduleRegex}]`,
  ...requireCallee.map((callee) => `${callee}[arguments.0.value=${moduleRegex}]`),
];
const restrict = (selectors, message) => selectors.map((selector) => ({ selector, message }));
const noElectronAtRunTime = restrict(loads(electronModule), noElectron.message);
const noNodeAtRunTime = restrict(loads(nodeModule), noNode.message);
const noRequire = restrict(['CallExpression[callee.name="require"]', 'CallExpression[callee.name="createRequire"]'], 'shared/ and renderer/ are ES modules for the sandboxed renderer: there is no require there.');
const noAppLayersAtRunTime = restrict([`ImportExpression[source.value=/${noAppLayers.regex.replace(/\//g, '\\/')}/]`], noAppLayers.message);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/artifacts/**', '**/.build/**', 'out-*/**', 'native/**'] },
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
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noAppLayers] }],
      'no-restricted-syntax': ['error', ...noElectronAtRunTime, ...noNodeAtRunTime, ...noRequire, ...noAppLayersAtRunTime],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noAppLayers] }],
      'no-restricted-syntax': ['error', ...noElectronAtRunTime, ...noNodeAtRunTime, ...noRequire, ...noAppLayersAtRunTime],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, noUpperLayers] }],
      // createRequire stays allowed here (e.g. require.resolve of a package's files), but not to load Electron.
      'no-restricted-syntax': ['error', ...noElectronAtRunTime],
    },
  },
);
