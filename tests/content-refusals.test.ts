import { copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run, runScript } from './helpers/cli.ts';
import {
	createFixtureSite,
	projectRoot,
	readPage,
	writeContent,
	type FixtureSite,
} from './helpers/site.ts';

// Every class of content the build refuses, each as an editor would meet it: content:check
// names the file, line and field and exits 1; `astro build`, run as the editor runs it,
// refuses the same content naming the same file and line, and prints no stack trace.

const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const SAMPLE_IMAGE = join(projectRoot, 'content/wire/2026/11/carved-masks.jpg');

const frontmatter = (slug: string, extra = '') =>
	`---\ntitle: Report ${slug}\nsource: Quay Wire\nurl: https://quay.example.com/${slug}\ndate: 2026-11-01T10:00:00+01:00\n${extra}---\n`;
const bytes = (...parts: (string | number[])[]) =>
	Buffer.concat(
		parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
	);

interface RefusalClass {
	name: string;
	files: Record<string, string | Buffer>;
	/** The start of the line both the check and the build print: "file:line: field: message". */
	expected: string;
}

const BILLION_LAUGHS = [
	'a: &a [x, x, x, x, x, x, x, x, x]',
	...'bcdefgh'
		.split('')
		.map(
			(name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`,
		),
].join('\n');

const CLASSES: RefusalClass[] = [
	{
		name: "an image beside the report that does not exist (an agency's relative image)",
		files: {
			'wire/agency-image.md': `${frontmatter('agency-image')}Dockers at work.\n\n![](x.png)\n`,
		},
		expected: 'content/wire/agency-image.md:9: body: no file content/wire/x.png',
	},
	{
		name: 'an image path that climbs out of content/',
		files: { 'wire/climbing.md': `${frontmatter('climbing')}![x](../../../../../etc/hostname)\n` },
		expected:
			'content/wire/climbing.md:7: body: "../../../../../etc/hostname" leads outside content/',
	},
	{
		name: 'a file that is not an image the build can process',
		files: {
			'wire/fake.png': 'not a picture',
			'wire/fake-image.md': `${frontmatter('fake-image')}![chart](./fake.png)\n`,
		},
		expected: 'content/wire/fake-image.md:7: body: content/wire/fake.png is not an image file',
	},
	{
		name: 'a query on an image beside the report, which the build would publish broken',
		files: { 'wire/query-image.md': `${frontmatter('query-image')}![masks](./photo.jpg?v=2)\n` },
		expected:
			'content/wire/query-image.md:7: body: "./photo.jpg?v=2": an image beside the report takes no "?" or "#" part',
	},
	{
		name: 'an image address the build cannot decode',
		files: { 'wire/percent.md': `${frontmatter('percent')}![rise](100%.png)\n` },
		expected: 'content/wire/percent.md:7: body: image "100%.png" is not a readable address',
	},
	{
		name: 'a relative image in HTML, which the build would publish unprocessed',
		files: {
			'wire/html-image.md': `${frontmatter('html-image')}<img src="chart.png" alt="chart">\n`,
		},
		expected: 'content/wire/html-image.md:7: body: image "chart.png" is published unprocessed',
	},
	{
		name: 'a link to a local file that does not exist',
		files: {
			'wire/statement.md': `${frontmatter('statement')}Read [the statement](./statement.pdf).\n`,
		},
		expected: 'content/wire/statement.md:7: body: link "./statement.pdf" names no file',
	},
	{
		name: 'a site path to an image public/ does not hold',
		files: { 'wire/public-image.md': `${frontmatter('public-image')}![port](/images/none.jpg)\n` },
		expected: 'content/wire/public-image.md:7: body: no file public/images/none.jpg',
	},
	{
		name: 'a lead image that does not exist',
		files: {
			'wire/lead-image.md': frontmatter('lead-image', 'image:\n  src: ./lead.jpg\n  alt: A lead\n'),
		},
		expected: 'content/wire/lead-image.md:7: image.src: no file content/wire/lead.jpg',
	},
	{
		name: 'a file saved as Latin-1',
		files: { 'wire/latin1.md': bytes(frontmatter('latin1'), 'Caf', [0xe9], ' society reopens.\n') },
		expected:
			'content/wire/latin1.md:7: (file): the file is not UTF-8: byte 0xE9 (in Latin-1 or Windows-1252 it is "é")',
	},
	{
		name: 'a control character no feed can carry',
		files: {
			'wire/control.md': frontmatter('control').replace(
				'title: Report control',
				'title: Report\u000b control',
			),
		},
		expected: 'content/wire/control.md:2: (file): control character U+000B',
	},
	{
		name: 'frontmatter aliases that blow up ("billion laughs")',
		files: { 'wire/laughs.md': frontmatter('laughs', `${BILLION_LAUGHS}\n`) },
		expected: 'content/wire/laughs.md:7: (frontmatter): YAML: Excessive alias count',
	},
	{
		name: 'frontmatter nested too deeply',
		files: { 'wire/deep.md': frontmatter('deep', `summary: ${'['.repeat(20)}${']'.repeat(20)}\n`) },
		expected:
			'content/wire/deep.md:6: (frontmatter): YAML: lists and maps nest more than 8 levels deep',
	},
	{
		name: 'a tag that makes no address',
		files: { 'wire/no-tag-address.md': frontmatter('no-tag-address', 'tags: ["..", "!!!"]\n') },
		expected: 'content/wire/no-tag-address.md:6: tags: tag ".." makes no address',
	},
	{
		name: 'a file name that makes no address',
		files: { 'wire/!!!.md': frontmatter('bangs') },
		expected: 'content/wire/!!!.md:1: (file name): the file name makes no address',
	},
	{
		name: 'a field the schema refuses',
		files: {
			'wire/bad-url.md': frontmatter('bad-url').replace(
				'url: https://quay.example.com/bad-url',
				'url: "javascript:alert(1)"',
			),
		},
		expected: 'content/wire/bad-url.md:4: url: must be an http:// or https:// URL',
	},
	{
		name: 'the same original report filed twice',
		files: {
			'wire/twice.md': frontmatter('twice').replace(
				'https://quay.example.com/twice',
				'https://quay.example.com/2026/11/03/barrier',
			),
		},
		expected:
			'content/wire/twice.md:4: url: the same original report is also filed in content/wire/tidal-barrier-closes.md',
	},
	{
		name: 'a mistake in the agencies file',
		files: {
			'sources.yaml':
				'quay-wire:\n  name: Quay Wire\n  homepage: https://quay.example.com/\nsouthern-desk:\n  name: Southern Desk & Co\n  homepage: https://southern.example.net/\nquiet-agency:\n  name: Quiet Agency\n  homepage: not-a-url\n',
		},
		expected: 'content/sources.yaml:9: quiet-agency.homepage: must be an http:// or https:// URL',
	},
];

let site: FixtureSite;
let sourcesYaml: string;

beforeAll(async () => {
	site = await createFixtureSite({ contentDir: join(projectRoot, 'tests/fixtures/basic') });
	sourcesYaml = join(projectRoot, 'tests/fixtures/basic/sources.yaml');
});
afterAll(async () => {
	await site?.remove();
});

async function withContent<T>(
	files: Record<string, string | Buffer>,
	action: () => Promise<T>,
): Promise<T> {
	await writeContent(site, files);
	try {
		return await action();
	} finally {
		for (const path of Object.keys(files))
			await rm(join(site.root, 'content', path), { force: true });
		await copyFile(sourcesYaml, join(site.root, 'content/sources.yaml'));
	}
}

const check = () => runScript('check-content.ts', ['--root', site.root]);
const build = () =>
	run(process.execPath, [ASTRO, 'build'], {
		cwd: site.root,
		env: { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});

function expectNamedRefusal(output: string, expected: readonly string[]) {
	for (const line of expected) expect(output).toContain(line);
	expect(output).not.toMatch(/Stack trace|^\s+at \S/m);
	expect(output).toContain('nothing was built');
}

describe('content the build refuses: the check names it first, the build names it the same way', () => {
	test.each(CLASSES)('$name', async ({ files, expected }) => {
		await withContent(files, async () => {
			const checked = await check();
			expect(checked.code).toBe(1);
			expect(checked.stdout).toContain(expected);
			const built = await build();
			expect(built.code).not.toBe(0);
			expectNamedRefusal(built.stdout + built.stderr, [expected]);
		});
	});

	test('all of them at once: every problem in one run of the check and one build', async () => {
		const all = Object.assign({}, ...CLASSES.map((refusal) => refusal.files)) as Record<
			string,
			string | Buffer
		>;
		await withContent(all, async () => {
			const checked = await check();
			expect(checked.code).toBe(1);
			for (const refusal of CLASSES) expect(checked.stdout).toContain(refusal.expected);
			const built = await build();
			expect(built.code).not.toBe(0);
			expectNamedRefusal(
				built.stdout + built.stderr,
				CLASSES.map((refusal) => refusal.expected),
			);
		});
	});
});

describe('what the check accepts, the build publishes', () => {
	test('unusual but valid copy: a byte-order mark and CRLF, an upper-case image beside the report, page and public links, two spellings of a tag', async () => {
		const files = {
			'wire/photo.JPG': await readFile(SAMPLE_IMAGE),
			'wire/crlf-report.md': bytes(
				[0xef, 0xbb, 0xbf],
				`${frontmatter('crlf', 'tags: [Middle East]\nimage:\n  src: ./photo.JPG\n  alt: Masks on a table\n')}Café owners met on Monday.\r\n\r\n![The quay](./photo.JPG)\r\n\r\nSee [the barrier report](../tidal-barrier-closes/), [our earlier coverage](/wire/tidal-barrier-closes/) and [the feed](/rss.xml).\r\n`
					.replace(/\n/g, '\r\n')
					.replace(/\r\r/g, '\r'),
			),
			'wire/spelling.md': frontmatter('spelling', 'tags: [middle-east]\n'),
		};
		await withContent(files, async () => {
			const checked = await check();
			expect(checked.stdout).toContain('share one tag page, /tags/middle-east/; use one spelling');
			expect(checked.code).toBe(0);
			const built = await build();
			expect(built.code).toBe(0);
			const page = await readPage(site, '/wire/crlf-report/');
			expect(page).toContain('Café owners met on Monday.');
			expect(page).toMatch(/<img[^>]+alt="The quay"[^>]+src="\/_astro\/photo\.[^"]+\.webp"/);
			expect(page).toContain('href="../tidal-barrier-closes/"');
			expect(await readPage(site, '/tags/middle-east/')).toContain('Report spelling');
		});
	});
});
