import { getViteConfig } from 'astro/config';
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';

export default defineConfig({
	test: {
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'src/components/**'],
				},
			},
			// Components rendered with Astro's Container API need Astro's Vite plugins (to compile
			// .astro files); the project's own config is left out, its integrations are build steps.
			async (env) =>
				mergeConfig(await getViteConfig({}, { configFile: false, logLevel: 'error' })(env), {
					test: {
						name: 'components',
						include: ['src/components/**/*.test.ts'],
						env: { ASTRO_TELEMETRY_DISABLED: '1' },
					},
				}),
			{
				extends: true,
				test: {
					name: 'site',
					include: ['tests/**/*.test.ts'],
					// Builds the sample site and fixtures once for every test file of this project.
					globalSetup: ['tests/setup/build-sites.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// A browser page polled while builds run in the other worker can take more than
					// the default second to load and run its scripts.
					expect: { poll: { timeout: 10_000 } },
				},
			},
		],
	},
});
