/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	testTimeout: 60_000,
	// Every suite starts its own sandbox on a free loopback port; two workers fit this machine.
	maxWorkers: 2,
	setupFiles: ['<rootDir>/test/setup-env.js'],
};
