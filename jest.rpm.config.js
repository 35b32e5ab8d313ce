// The package's own test (test/rpm): after `npm run package`, the RPM as an administrator gets it.
// Apart from `jest`'s default run because it needs the built package (npm run test:rpm builds it).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'rpm',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/rpm/**/*.test.ts'],
  transform: {
    '^.+\\.(m?js|tsx?)$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 120_000,
};
