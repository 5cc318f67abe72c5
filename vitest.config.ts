import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'site',
					include: ['tests/**/*.test.ts'],
					// Builds the sample site and fixtures once for every test file of this project.
					globalSetup: ['tests/setup/build-sites.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
				},
			},
		],
	},
});
