import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, createFixtureSite, projectRoot, type FixtureSite } from './helpers/site.ts';

const sites: FixtureSite[] = [];
afterAll(async () => {
	await Promise.all(sites.map((site) => site.remove()));
});

async function buildWith(
	files: Record<string, string>,
): Promise<{ site: FixtureSite; error: Error | undefined }> {
	const site = await createFixtureSite({
		contentDir: join(projectRoot, 'tests/fixtures/basic'),
		files,
	});
	sites.push(site);
	try {
		await buildSite(site);
		return { site, error: undefined };
	} catch (error) {
		return { site, error: error as Error };
	}
}

describe('bad content stops the build', () => {
	test('a javascript: url and a missing date: two messages naming the file and both fields, nothing built', async () => {
		const { site, error } = await buildWith({
			'wire/bad-report.md':
				'---\ntitle: A bad report\nsource: Quay Wire\nurl: "javascript:alert(1)"\n---\nBody.\n',
		});
		expect(error?.message).toContain(
			'content/wire/bad-report.md:4: url: must be an http:// or https:// URL (got "javascript:alert(1)")',
		);
		expect(error?.message).toContain('content/wire/bad-report.md:1: date: is required');
		expect(existsSync(site.dist)).toBe(false);
	});

	test('every problem in every file is listed in one run', async () => {
		const { error } = await buildWith({
			'wire/one.md':
				'---\ntitle: One\nsource: Reuterz\nurl: https://quay.example.com/one\ndate: 2026-11-01\n---\n',
			'wire/two.md':
				'---\ntitle: Two\nsource: Quay Wire\nurl: https://quay.example.com/two\ndate: "next tuesday"\n---\n',
			'business/tidal-barrier-closes.md':
				'---\ntitle: Same slug\nsource: Quay Wire\nurl: https://quay.example.com/three\ndate: 2026-11-01\n---\n',
		});
		const message = error?.message ?? '';
		expect(message).toMatch(/^3 problems in 3 content files; nothing was built/);
		expect(message).toContain('content/wire/one.md:3: source: unknown source "Reuterz"');
		expect(message).toContain('known sources: Quay Wire, Southern Desk & Co, Quiet Agency');
		expect(message).toContain('content/wire/two.md:5: date: cannot read "next tuesday" as a date');
		expect(message).toContain('the address /wire/tidal-barrier-closes/ is already used by');
	});

	test('a mistake in the agencies file names its line', async () => {
		const { error } = await buildWith({
			'sources.yaml': 'quay-wire:\n  name: Quay Wire\n  homepage: not-a-url\n',
		});
		expect(error?.message).toContain(
			'content/sources.yaml:3: quay-wire.homepage: must be an http:// or https:// URL (got "not-a-url")',
		);
	});
});
