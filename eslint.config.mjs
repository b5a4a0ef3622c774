// ESLint flat config: typescript-eslint with type information (the tsconfig.json project), the
// rules this code base follows, and import ordering. Formatting is Prettier's (.prettierrc), not
// ESLint's. `npm run lint` runs it.
import js from '@eslint/js';
import { createNodeResolver, flatConfigs as importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'test-artifacts/', 'node_modules/', 'adapters/web/static/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.recommended,
  {
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.node'] })] },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises are awaited, returned, or handed to a handler on purpose (`void` marks fire-and-forget).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Switches over a union end exhaustively (renderers over Answer kinds, intents, commands).
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Type-only imports say so; `typeof import('./x')` stays allowed for the lazy requires below.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Lazy `require('./x') as typeof import('./x')` keeps start-up paths small (the CLI, the knowledge
      // parsers, the platform renderers), and natural's submodules are CommonJS without types.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // node: built-ins, packages, then the project's own modules (parents before siblings).
      'import-x/order': [
        'error',
        { groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'], 'newlines-between': 'never' },
      ],
      'import-x/no-duplicates': 'error',
      // TypeScript resolves imports already (tsc --noEmit runs in npm test).
      'import-x/no-unresolved': 'off',
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
    },
  },
  {
    // The browser client of the playground.
    files: ['adapters/web/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Plain JavaScript (bin/, scripts/, jest.config.js, test helpers): no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
