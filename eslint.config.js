import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { readdirSync } from 'node:fs';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

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

const coreInfrastructure = ['db', 'registry', 'util', 'exports', 'cli', 'demo'];
// Core features (ARCHITECTURE.md, STYLE.md): each folder is a feature, and features use each other only
// through the feature's index.ts, which says what it offers. Infrastructure (db, registry, util,
// exports, cli, demo) is not a feature. The regex sees relative paths that climb straight into
// another feature's folder, so shared/<feature>/… (the contract) is not caught.
const coreFeatures = readdirSync(new URL('./electron/core', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !coreInfrastructure.includes(entry.name))
  .map((entry) => entry.name);
const otherFeatureInternals = (feature) => `^(\\.\\./)+(${coreFeatures.filter((f) => f !== feature).map(escapeRegex).join('|')})/(?!index$).+`;
const featureMessage = "Core features use each other only through the other feature's index.ts ('../participants', not '../participants/repository'): add what you need to its index.ts.";
const featureBoundary = (feature) => ({ regex: otherFeatureInternals(feature), message: featureMessage });
const featureBoundaryAtRunTime = (feature) => restrict([`ImportExpression[source.value=/${otherFeatureInternals(feature).replace(/\//g, '\\/')}/]`], featureMessage);

// The typed SQL layer (electron/core/db/query.ts) prepares each statement once per connection and
// types connections as readable or writable: nothing else in the core prepares statements.
const noRawStatements = restrict(
  ['CallExpression[callee.property.name="prepare"]'],
  'Run SQL through electron/core/db/query.ts (one, many, value, run…) in a repository module: it prepares each statement once per connection and keeps queries read-only.',
);
// Handlers declare and delegate: their SQL lives in the feature's repository.
// SQL is written in capitals here, so a sentence starting with "Select" is not taken for it.
const sqlText = '/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\\s/';
const noSqlInHandlers = restrict([`Literal[value=${sqlText}]`, `TemplateElement[value.raw=${sqlText}]`], 'No SQL in handlers.ts: put it in the feature’s repository and call that.');

// Renderer layers (STYLE.md): features never import each other; what they share lives in
// renderer/src/app (paths, the pilot in the URL, the register) or renderer/src/ui (widgets and
// hooks), and ui/ knows no feature and no app screen. The regexes see relative paths that climb
// straight into another feature's folder (or, from ui/, into features/ or app/).
const rendererFeatures = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const otherRendererFeature = (feature) => `^(\\.\\./)+(${rendererFeatures.filter((f) => f !== feature).map(escapeRegex).join('|')})(/|$)`;
const rendererFeatureMessage = 'Renderer features never import each other: move what both need to renderer/src/app (paths, shared hooks) or renderer/src/ui (widgets), or link to the other screen by its path.';
const rendererFeatureBoundary = (feature) => ({ regex: otherRendererFeature(feature), message: rendererFeatureMessage });
const rendererFeatureBoundaryAtRunTime = (feature) => restrict([`ImportExpression[source.value=/${otherRendererFeature(feature).replace(/\//g, '\\/')}/]`], rendererFeatureMessage);
const uiImportsNoScreens = { regex: '^(\\.\\./)+(features|app)(/|$)', message: 'renderer/src/ui holds widgets and hooks any screen can use: it imports no feature and nothing from app/.' };
const uiImportsNoScreensAtRunTime = restrict([`ImportExpression[source.value=/${uiImportsNoScreens.regex.replace(/\//g, '\\/')}/]`], uiImportsNoScreens.message);
const rendererLayers = { imports: [noElectron, noNode, noAppLayers], atRunTime: [...noElectronAtRunTime, ...noNodeAtRunTime, ...noRequire, ...noAppLayersAtRunTime] };

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
  // Type-aware rules: a promise nobody awaits loses its error; a switch over a union that misses a
  // member silently does nothing for it; an import cycle makes start-up order matter.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.browser-tests.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Type-only imports are erased at build time, so only value imports can form a cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
      'no-restricted-syntax': ['error', ...noElectronAtRunTime, ...noRawStatements],
    },
  },
  // The database layer itself opens, keys, migrates and prepares.
  {
    files: ['electron/core/db/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noElectronAtRunTime] },
  },
  ...coreFeatures.flatMap((feature) => [
    {
      files: [`electron/core/${feature}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns: [noElectron, noUpperLayers, featureBoundary(feature)] }],
        'no-restricted-syntax': ['error', ...noElectronAtRunTime, ...noRawStatements, ...featureBoundaryAtRunTime(feature)],
      },
    },
    {
      files: [`electron/core/${feature}/**/handlers.ts`],
      rules: { 'no-restricted-syntax': ['error', ...noElectronAtRunTime, ...noRawStatements, ...featureBoundaryAtRunTime(feature), ...noSqlInHandlers] },
    },
  ]),
  ...rendererFeatures.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererLayers.imports, rendererFeatureBoundary(feature)] }],
      'no-restricted-syntax': ['error', ...rendererLayers.atRunTime, ...rendererFeatureBoundaryAtRunTime(feature)],
    },
  })),
  {
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererLayers.imports, uiImportsNoScreens] }],
      'no-restricted-syntax': ['error', ...rendererLayers.atRunTime, ...uiImportsNoScreensAtRunTime],
    },
  },
);
