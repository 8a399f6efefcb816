// ESLint flat config: the recommended JavaScript and typescript-eslint rules over the whole project,
// and the project's own rule that imports follow the layers of bin/layers.js.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { forbiddenImport, importedFile, layerOf } from './bin/layers.js';

const root = import.meta.dirname;

/** `gsef/layers`: an import that goes against the layers' one direction is an error naming both ends. */
const layersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'imports follow the layers of bin/layers.js' } },
  create(context) {
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const to = importedFile(root, from, specifier);
      const problem = to && forbiddenImport(from, to);
      if (problem) context.report({ node, message: problem });
    };
    return {
      Program(node) {
        if (!layerOf(from))
          context.report({ node, message: `${from} is in no layer: add its folder to bin/layers.js` });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    plugins: { gsef: { rules: { layers: layersRule } } },
    rules: { 'gsef/layers': 'error' },
  },
  {
    files: ['bin/**/*.js', 'test/run-layers.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
