/**
 * End-to-end tests on the real n8n (installed by scripts/n8n into .cache/n8n on first use),
 * with this package packed and installed as a community package, against the local sandbox.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	// Queue mode has its own run: npm run test:e2e:queue (jest.e2e.queue.config.js).
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/queue/'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	maxWorkers: 1,
	testTimeout: 300000,
	verbose: true,
};
