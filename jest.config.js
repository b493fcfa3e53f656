// Two projects: unit tests need no database; integration tests run against the real
// Neo4j that scripts/run.mjs started (NEO4J_URI etc. in the environment).
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
  // integration tests talk to a real database; the first import builds the screening index
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testTimeout: 120000,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testTimeout: 180000,
    },
  ],
};
