// Lint: typescript-eslint strict rules plus the layer rules of DESIGN.md, so the architecture cannot rot silently.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Builds a `no-restricted-imports` rule that forbids the given layers (folders under src/) and packages. */
function layerRule(message, { layers = [], packages = [] }) {
  const patterns = [];
  if (layers.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
      message,
    });
  }
  for (const name of packages) patterns.push({ group: [name, `${name}/*`], message });
  return ['error', { patterns }];
}

const ui = ['react', 'react-dom', 'react-i18next', 'wouter', 'zustand', 'react-hook-form', '@dnd-kit/*'];

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'public/schema', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'No new Function: user input never runs as code.',
        },
        {
          selector: "CallExpression[callee.name='eval']",
          message: 'No eval: user input never runs as code.',
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['eslint.config.js', 'vite.config.ts', 'scripts/**', 'test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Layer rules (DESIGN.md): each folder may import only the layers listed there.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': layerRule('shared/ is framework-free and imports nothing else from src/.', {
        layers: ['engine', 'storage', 'stores', 'runtime', 'workers', 'ui', 'features', 'app', 'locales'],
        packages: [...ui, 'dexie'],
      }),
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': layerRule(
        'engine/ is pure TypeScript: it may import shared/ only (no React, Dexie, DOM).',
        {
          layers: ['storage', 'stores', 'runtime', 'workers', 'ui', 'features', 'app', 'locales'],
          packages: [...ui, 'dexie'],
        },
      ),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine never reads the clock: pass time in.' },
        { object: 'Math', property: 'random', message: 'The engine never makes randomness: pass it in.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'setTimeout', 'setInterval', 'indexedDB', 'localStorage', 'fetch'].map(
          (name) => ({
            name,
            message: 'The engine is pure: no DOM, timers or I/O.',
          }),
        ),
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': layerRule('storage/ may import engine/ and shared/ only.', {
        layers: ['stores', 'runtime', 'workers', 'ui', 'features', 'app', 'locales'],
        packages: ui,
      }),
    },
  },
  {
    files: ['src/stores/**'],
    rules: {
      'no-restricted-imports': layerRule('stores/ may import engine/, storage/ and shared/ only.', {
        layers: ['runtime', 'workers', 'ui', 'features', 'app', 'locales'],
        packages: ['dexie', 'react-dom', 'react-i18next', 'wouter'],
      }),
    },
  },
  {
    files: ['src/runtime/**'],
    rules: {
      'no-restricted-imports': layerRule('runtime/ may import engine/, storage/, stores/ and shared/ only.', {
        layers: ['workers', 'ui', 'features', 'app', 'locales'],
        packages: ['dexie'],
      }),
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': layerRule('workers/ may import engine/, storage/ and shared/ only.', {
        layers: ['stores', 'runtime', 'ui', 'features', 'app', 'locales'],
        packages: [...ui, 'dexie'],
      }),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': layerRule('ui/ primitives may import shared/ only.', {
        layers: ['engine', 'storage', 'stores', 'runtime', 'workers', 'features', 'app', 'locales'],
        packages: ['dexie', 'zustand'],
      }),
    },
  },
  // features/<name>/ may import ui/, stores/, engine/, shared/ — never storage/ or another feature.
  ...featureNames().map((name) => ({
    files: [`src/features/${name}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(storage|runtime|workers|app)(/|$)',
              message:
                'features/ may import ui/, stores/, engine/ and shared/; never storage/, runtime/ or app/.',
            },
            { group: ['dexie', 'dexie/*'], message: 'Only storage/ imports Dexie.' },
            ...(featureNames().length > 1
              ? [
                  {
                    regex: `^(\\.\\./)+(${featureNames()
                      .filter((other) => other !== name)
                      .join('|')})(/|$)`,
                    message:
                      'A feature never imports another feature: share through ui/, stores/ or engine/.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
);

function featureNames() {
  return readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}
