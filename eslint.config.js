// ESLint flat config: the recommended JavaScript and typescript-eslint rules over the whole project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['bin/**/*.js', 'test/run-layers.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
