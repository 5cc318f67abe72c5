import { afterEach, describe, expect, test } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import { report, tempProject, type TempProject } from '../helpers/project.ts';

let project: TempProject | undefined;
afterEach(async () => {
	await project?.remove();
	project = undefined;
});

const check = (root: string, ...args: string[]) =>
	runScript('check-content.ts', ['--root', root, ...args]);

describe('content:check', () => {
	test('--help explains the command', async () => {
		const result = await runScript('check-content.ts', ['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: npm run content:check/);
	});

	test('a clean folder: exit 0 and a one-line summary', async () => {
		project = await tempProject({
			'content/wire/a.md': report({ tags: '[energy]' }),
			'content/wire/b.md': report({ url: 'https://quay.example.com/b', tags: '[energy]' }),
		});
		const result = await check(project.root);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('2 reports checked: no problems.\n');
	});

	test('one line per mistake, with the right file and line, then a summary; exit 1', async () => {
		project = await tempProject({
			'public/images/port.jpg': 'jpeg',
			// Schema: a javascript: URL and no date.
			'content/wire/bad-fields.md':
				'---\ntitle: Bad fields\nsource: Quay Wire\nurl: "javascript:alert(1)"\n---\nBody.\n',
			// The same slug in two folders of one section.
			'content/wire/2026/10/same-name.md': report({ url: 'https://quay.example.com/same-1' }),
			'content/wire/2026/11/same-name.md': report({ url: 'https://quay.example.com/same-2' }),
			// The same original report filed twice.
			'content/wire/story-one.md': report({ url: 'https://quay.example.com/story' }),
			'content/wire/story-two.md': report({ url: 'https://quay.example.com/story/' }),
			// An unknown agency, close to a known one.
			'content/wire/typo-source.md': report({
				url: 'https://quay.example.com/typo',
				source: 'Quay Wyre',
			}),
			// A section that does not exist.
			'content/wire/no-section.md': report({
				url: 'https://quay.example.com/section',
				section: 'sport',
			}),
			// Tags that differ only by case and accents.
			'content/wire/tag-1.md': report({
				url: 'https://quay.example.com/t1',
				tags: '[energy, café]',
			}),
			'content/wire/tag-2.md': report({
				url: 'https://quay.example.com/t2',
				tags: '[energy, cafe]',
			}),
			'content/wire/tag-3.md': report({
				url: 'https://quay.example.com/t3',
				tags: '[Energy, café]',
			}),
			// An image file that is missing, and an image without alt text.
			'content/wire/image-missing.md': report({
				url: 'https://quay.example.com/i1',
				image: '{ src: /images/missing.jpg, alt: A port }',
			}),
			'content/wire/image-no-alt.md': report({
				url: 'https://quay.example.com/i2',
				image: '{ src: /images/port.jpg }',
			}),
			'content/wire/image-beside.md': report({
				url: 'https://quay.example.com/i3',
				image: '{ src: ./beside.jpg, alt: A port }',
			}),
			// A date without an offset (warning) and one in the future (note).
			'content/wire/no-offset.md': report({
				url: 'https://quay.example.com/o',
				date: '2026-11-01 10:00',
			}),
			'content/wire/scheduled.md': report({
				url: 'https://quay.example.com/s',
				date: '2099-01-01T09:00:00+01:00',
			}),
		});
		const result = await check(project.root);
		expect(result.code).toBe(1);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.slice(0, -1)).toEqual([
			'content/wire/2026/11/same-name.md:1: (file name): the address /wire/same-name/ is already used by content/wire/2026/10/same-name.md',
			'content/wire/bad-fields.md:1: date: is required',
			'content/wire/bad-fields.md:4: url: must be an http:// or https:// URL (got "javascript:alert(1)")',
			'content/wire/image-beside.md:6: image.src: no file content/wire/beside.jpg; put the image there or fix the path',
			'content/wire/image-missing.md:6: image.src: no file public/images/missing.jpg; put the image there or fix the path',
			'content/wire/image-no-alt.md:6: image.alt: is required',
			'content/wire/no-offset.md:5: date: warning: "2026-11-01 10:00" has no UTC offset; it is read in Europe/Berlin, as 2026-11-01T10:00:00+01:00',
			'content/wire/no-section.md:6: section: unknown section "sport"; sections: wire, business-wire',
			'content/wire/scheduled.md:5: date: info: scheduled: first published by a build after 2099-01-01T09:00:00+01:00',
			'content/wire/story-one.md:4: url: the same original report is also filed in content/wire/story-two.md; keep one of them',
			'content/wire/story-two.md:4: url: the same original report is also filed in content/wire/story-one.md; keep one of them',
			'content/wire/tag-2.md:6: tags: "café" (2 reports), "cafe" (1 report) differ only by case, spacing or accents but make 2 tag pages; use "café"',
			'content/wire/tag-3.md:6: tags: warning: "energy" (2 reports), "Energy" (1 report) share one tag page, /tags/energy/; use one spelling',
			'content/wire/typo-source.md:3: source: unknown source "Quay Wyre" (did you mean "Quay Wire"?); known sources: Quay Wire, Southern Desk & Co, Quiet Agency',
		]);
		expect(lines.at(-1)).toBe(
			'15 reports checked: 11 errors, 2 warnings, 1 note in 10 files. Fix the errors and run npm run content:check again; the build refuses content with errors.',
		);
	});

	test('corrections, withdrawals and earlier addresses: each mistake names its file, line and field', async () => {
		project = await tempProject({
			'content/wire/live-report.md': report({ url: 'https://quay.example.com/live' }),
			// Dated 2026-11-01T10:00+01:00, corrected the day before.
			'content/wire/correction-early.md': report({
				url: 'https://quay.example.com/c',
				corrections: '\n  - date: 2026-10-31T10:00:00+01:00\n    text: Fixed the port.',
			}),
			'content/wire/alias-live.md': report({
				url: 'https://quay.example.com/a',
				aliases: '[/wire/live-report/]',
			}),
			'content/wire/alias-outside.md': report({
				url: 'https://quay.example.com/o',
				aliases: '[https://elsewhere.example.net/ferries/]',
			}),
			'content/wire/withdrawn-no-reason.md': report({
				url: 'https://quay.example.com/w',
				withdrawn: '\n  date: 2026-11-02T10:00:00+01:00',
			}),
		});
		const result = await check(project.root);
		expect(result.code).toBe(1);
		expect(result.stdout.trimEnd().split('\n').slice(0, -1)).toEqual([
			'content/wire/alias-live.md:6: aliases: /wire/live-report/ is the address of content/wire/live-report.md, a live report',
			'content/wire/alias-outside.md:6: aliases.0: "https://elsewhere.example.net/ferries/" is not an address of this site: write a path such as /wire/old-headline/',
			"content/wire/correction-early.md:7: corrections.0.date: is earlier than the report's date",
			'content/wire/withdrawn-no-reason.md:6: withdrawn.reason: is required',
		]);
	});

	test('problems in the agencies file are listed too', async () => {
		project = await tempProject({ 'content/wire/a.md': report({}) });
		await project.write(
			'content/sources.yaml',
			'quay-wire:\n  name: Quay Wire\n  homepage: ftp://quay.example.com/\n',
		);
		const result = await check(project.root);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			'content/sources.yaml:3: quay-wire.homepage: must be an http:// or https:// URL (got "ftp://quay.example.com/")',
		);
	});

	test('warnings and notes alone do not fail', async () => {
		project = await tempProject({ 'content/wire/a.md': report({ date: '2026-11-01 10:00' }) });
		const result = await check(project.root);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/1 warning/);
	});

	test('named files: only their problems are listed', async () => {
		project = await tempProject({
			'content/wire/good.md': report({}),
			'content/wire/bad.md': report({ url: 'https://quay.example.com/bad', source: 'Nobody' }),
		});
		const result = await check(project.root, 'content/wire/good.md');
		expect(result.code).toBe(0);
	});
});
