// Two projects: Node-side code (domain, service, simulator, stand-ins) runs in node; UI components
// run in jsdom. Both transpile TypeScript with swc; type-checking is `npm run typecheck`.
// Where a test lives: under its project's folder at the path of the module it tests,
// test/<project>/<source path>[.<aspect>].test.ts (test/node/server/gluster/xml.test.ts tests
// server/gluster/xml.ts; test/web/src/app/start/StartSessionDialog.flow.test.tsx one aspect of
// src/app/start/StartSessionDialog.tsx); shared helpers in test/support/. test/contract/ holds the
// suites that prove a real component (Gluster, OpenSSH) and the simulator against the same cases.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// ESM-only packages in node_modules that Jest 30 on Node 20 must transform to CommonJS.
const ESM_ONLY = [
  'rettime',
  'until-async',
  '@open-draft/deferred-promise',
  '@formatjs',
  'intl-messageformat',
  'cookie',
];
const common = {
  transform: { '^.+\\.(m?js|tsx?)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: {
    '\\.(css|less|scss)$': '<rootDir>/test/support/mocks/style.cjs',
    '\\.(png|jpe?g|gif|svg|woff2?|ttf|eot)$': '<rootDir>/test/support/mocks/file.cjs',
    // The lag chart imports PatternFly's charts from their ES build (smaller chunk); jest takes the CommonJS twin.
    '^@patternfly/react-charts/dist/esm/(.*)$': '@patternfly/react-charts/dist/js/$1',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // the real-component suites' account, printed at the end of `npm test` (test/real/account.cjs)
  reporters: ['default', '<rootDir>/test/real/jest-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{node,contract}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jest-fixed-jsdom',
      testMatch: ['<rootDir>/test/web/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/support/setup-dom.ts'],
    },
  ],
};
