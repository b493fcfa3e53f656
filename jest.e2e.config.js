// Runs only the end-to-end browser tests (headless Chromium against the real server and Neo4j).
// The same entry belongs in jest.config.js `projects` for `npm test`.
module.exports = {
  projects: [
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
      testTimeout: 180000,
    },
  ],
};
