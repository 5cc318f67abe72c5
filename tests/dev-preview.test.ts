import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { report } from './helpers/project.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from './helpers/site.ts';

let site: FixtureSite;
let server: ChildProcess;
let origin: string;

/** Waits until the dev server answers, or fails with what it printed. */
async function waitForServer(url: string, output: () => string, timeoutMs = 90_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`astro dev did not start:\n${output()}`);
}

beforeAll(async () => {
	site = await createFixtureSite({
		contentDir: join(projectRoot, 'tests/fixtures/basic'),
		files: {
			'wire/draft-in-preview.md': report({
				title: 'Draft in preview',
				url: 'https://quay.example.com/draft',
				draft: 'true',
			}),
		},
	});
	// Run `astro dev` as an editor does, in its own process (a test runner's NODE_ENV must not leak in).
	const port = 43_000 + Math.floor(Math.random() * 2000);
	origin = `http://127.0.0.1:${port}`;
	// A clean environment: Vitest's VITEST makes Astro's dev server stand down, and its
	// NODE_ENV, MODE, DEV and PROD would change what the site thinks it is running in.
	const env = {
		PATH: process.env['PATH'] ?? '',
		HOME: process.env['HOME'] ?? '',
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	let output = '';
	server = spawn(
		process.execPath,
		[
			join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--root',
			site.root,
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{ env },
	);
	server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await waitForServer(`${origin}/wire/`, () => output);
});

afterAll(async () => {
	server?.kill();
	await site?.remove();
});

describe('astro dev', () => {
	test('shows a draft with a visible "Draft" banner', async () => {
		const response = await fetch(`${origin}/wire/draft-in-preview/`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toMatch(/<h1[^>]*>Draft in preview<\/h1>/);
		expect(html).toMatch(
			/<p class="draft-banner" role="status"[^>]*>Draft: this report is not published/,
		);
	});
});
