import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import testingLibrary from 'eslint-plugin-testing-library';
import playwright from 'eslint-plugin-playwright';
import { importX } from 'eslint-plugin-import-x';
import formatjs from 'eslint-plugin-formatjs';

export default defineConfig(
  globalIgnores(['dist/', 'build/', 'coverage/', 'test-results/', 'playwright-report/', '.lab/']),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // tsconfig's noUncheckedIndexedAccess types every `a[i]` as possibly undefined; `!` says "checked
      // before, in a way the compiler cannot follow" (a length test, a find after a filter).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers and booleans read fine in a message; objects, null and undefined do not.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      // `onClick={() => setOpen(false)}`: a shorthand arrow's value is not read.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Fastify route handlers and React event handlers are async by design.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, arguments: false } },
      ],
    },
  },
  // Which part may import which (README, "How the code is laid out"): the service ships nothing of
  // the stand-ins, and the UI nothing of the service.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dev', '**/dev/**'],
              message:
                'server/ is the product: it imports nothing from dev/ (stand-ins, simulators).',
            },
            {
              group: [
                '**/src/app',
                '**/src/app/**',
                '**/src/plugin',
                '**/src/plugin/**',
                '**/src/api',
                '**/src/api/**',
              ],
              message: 'server/ shares only src/georep with the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server', '**/server/**', '**/dev', '**/dev/**'],
              message:
                'The UI (src/) imports nothing from the service (server/) nor the stand-ins (dev/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
          message: 'Use errorMessage() from src/georep/errorMessage.ts.',
        },
      ],
    },
  },
  {
    // src/plugin is the only code that touches WebAdmin's pluginApi (the tab: plugin/placeHost).
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/plugin/pluginApi'], message: 'Go through src/plugin/placeHost.ts.' },
          ],
        },
      ],
    },
  },
  // Accessibility of the views as written (axe checks them rendered, in the e2e runs).
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.configs.recommended,
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // A tooltip's trigger must take focus to show it from the keyboard; PatternFly's Tooltip
      // asks for tabIndex={0} on a trigger that is not focusable (a <span> or <time> of text).
      // A scrolling <pre> (log lines) takes focus so the keyboard can scroll it (axe's
      // scrollable-region-focusable).
      'jsx-a11y-x/no-noninteractive-tabindex': ['error', { tags: ['span', 'time', 'pre'] }],
    },
  },
  // Messages: literal English text (the build compiles it to ICU ASTs: webpack/compile-messages.cjs),
  // valid ICU, and a description for translators on every one (`formatjs extract` carries it; the
  // build leaves it out of the bundle).
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-description': ['error', 'literal'],
      'formatjs/no-invalid-icu': 'error',
    },
  },
  // No import circles, no import twice (the architecture's drawing has none; keep it so).
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-cycle': 'error', 'import-x/no-duplicates': 'error' },
  },
  {
    files: ['test/web/**/*.{ts,tsx}', 'test/support/*.tsx', 'test/support/fakeFetch.ts'],
    ...testingLibrary.configs['flat/react'],
    rules: {
      ...testingLibrary.configs['flat/react'].rules,
      // Some tests assert on the DOM itself (every control labelled, no injected element, a row
      // found from its cell): node access is their point, not a shortcut past the user's view.
      'testing-library/no-node-access': 'off',
      'testing-library/no-container': 'off',
      // The harnesses return more than render's result under names of their own.
      'testing-library/render-result-naming-convention': 'off',
    },
  },
  {
    files: ['test/e2e/**/*.ts', 'test/e2e-lab/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // A test guards what its setup may have left unset when it failed part-way (a variable
      // assigned in beforeAll, a flag a callback sets), which the types cannot know.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
