/** Unit tests and workflow tests on n8n's real engine; both talk only to the local sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': 'ts-jest' },
	setupFiles: ['<rootDir>/test/harness/setup.ts'],
	testTimeout: 60000,
};
