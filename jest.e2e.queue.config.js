/**
 * End-to-end tests on n8n in queue mode (Redis, PostgreSQL, a main instance and workers; see
 * scripts/n8n/queue), installed and started by the tests themselves.
 */
const e2e = require('./jest.e2e.config');

module.exports = {
	...e2e,
	roots: ['<rootDir>/test/e2e/queue'],
	testPathIgnorePatterns: ['/node_modules/'],
};
