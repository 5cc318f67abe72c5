// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		ignores: [
			'dist/',
			'node_modules/',
			'.astro/',
			'scripts/bench-baseline/',
			'content/',
			'tests/fixtures/',
		],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		rules: {
			// Unused bindings are mistakes, except an intentionally ignored one named with "_".
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// Browser scripts and the benchmark baseline run outside Node.
		files: ['src/scripts/**/*.ts', 'public/**/*.js'],
		languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
	},
);
