import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from './helpers/site.ts';

const run = promisify(execFile);
const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

interface VnuMessage {
	type: string;
	url?: string;
	message: string;
	lastLine?: number;
}

/** Runs the Nu Html Checker on every HTML file under the folders; fails when Java is missing. */
async function validate(dirs: string[]): Promise<VnuMessage[]> {
	const result = await run(
		'java',
		['-jar', vnuJar, '--skip-non-html', '--errors-only', '--format', 'json', ...dirs],
		{
			maxBuffer: 64 * 1024 * 1024,
		},
	).catch((error: { code?: unknown; stderr?: string; stdout?: string }) => {
		if (error.code === 'ENOENT')
			throw new Error(
				'java not found: install a Java runtime (apt-get install -y default-jre-headless) to run the Nu Html Checker',
			);
		// vnu exits 1 when it finds errors; its report is still on stderr.
		return { stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
	});
	const report = JSON.parse(result.stderr || result.stdout || '{"messages":[]}') as {
		messages: VnuMessage[];
	};
	return report.messages;
}

describe('Nu Html Checker', () => {
	test('every built page of the sample site and the fixture has zero errors', async () => {
		const dirs = [inject('sampleDist'), inject('basicDist')];
		const pages = (await Promise.all(dirs.map(listFiles)))
			.flat()
			.filter((file) => file.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(20);
		const messages = await validate(dirs);
		expect(
			messages.map((message) => `${message.url}:${message.lastLine}: ${message.message}`),
		).toEqual([]);
	});
});
