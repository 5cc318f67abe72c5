import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { deskContentSecurityPolicy, headerRules } from '../src/lib/cdn-headers.ts';
import { deskConnectOrigins } from '../src/lib/desk-config.ts';
import { redirectsFile } from '../src/lib/redirects.ts';
import { createReportSchema } from '../src/lib/report-schema.ts';
import { createSourceDirectory } from '../src/lib/sources.ts';
import { site } from '../src/site.config.ts';
import { listFiles, projectRoot } from './helpers/site.ts';

// The README and docs restate some of the code for readers; these tests keep them in step.

const read = (path: string) => readFile(join(projectRoot, path), 'utf8');
const run = promisify(execFile);

/** The rows of the first Markdown table after `marker`, as arrays of cell texts. */
function tableAfter(markdown: string, marker: string): string[][] {
	const lines = markdown.slice(markdown.indexOf(marker)).split('\n');
	const start = lines.findIndex((line) => line.startsWith('|'));
	const rows: string[][] = [];
	for (const line of lines.slice(start)) {
		if (!line.startsWith('|')) break;
		rows.push(
			line
				.slice(1, -1)
				.split('|')
				.map((cell) => cell.trim()),
		);
	}
	return rows.slice(2);
}

describe('the README', () => {
	test('is read in five minutes: at most 250 lines', async () => {
		expect((await read('README.md')).trimEnd().split('\n').length).toBeLessThanOrEqual(250);
	});

	test('links every file under docs/', async () => {
		const readme = await read('README.md');
		const linked = new Set(
			[...readme.matchAll(/\]\((docs\/[^)#\s]+)\)/g)].map((match) => match[1]),
		);
		const docs = (await listFiles(join(projectRoot, 'docs'))).map((file) => `docs/${file}`);
		expect(docs.filter((file) => !linked.has(file))).toEqual([]);
		expect([...linked].filter((file) => !docs.includes(file ?? ''))).toEqual([]);
	});

	test('lists every frontmatter field of the schema, in its order, required as the schema requires', async () => {
		const schema = createReportSchema({
			sources: createSourceDirectory([]),
			sections: ['wire'],
			timeZone: 'UTC',
		});
		const fields = Object.entries(schema.shape).map(([name, field]) => [
			`\`${name}\``,
			field.safeParse(undefined).success ? 'no' : 'yes',
		]);
		const rows = tableAfter(await read('README.md'), '| Field |');
		expect(rows.map(([field, required]) => [field, required])).toEqual(fields);
	});
});

describe('the deploying guide', () => {
	const rules = headerRules(site, {
		topLevel: ['wire/', 'admin/'],
		deskPolicy: deskContentSecurityPolicy(deskConnectOrigins(site.desk)),
	});
	const policyOf = (pattern: string) =>
		rules
			.find((rule) => rule.pattern === pattern)
			?.headers.find(([name]) => name === 'Content-Security-Policy')?.[1];
	const cacheControl = (pattern: string) =>
		rules
			.filter((rule) => rule.pattern === pattern)
			.flatMap((rule) => rule.headers)
			.find(([name]) => name === 'Cache-Control')?.[1];
	const security = rules.find((rule) => rule.pattern === '/*')?.headers ?? [];

	test('gives nginx the security headers dist/_headers gives, value for value', async () => {
		const guide = await read('docs/deploying.md');
		const nginx = [...guide.matchAll(/add_header ([\w-]+) "([^"]*)" always;/g)].map((match) => [
			match[1],
			match[2],
		]);
		expect(security.length).toBeGreaterThan(0);
		for (const header of security) expect(nginx).toContainEqual(header);
		expect(nginx).toContainEqual(['Content-Security-Policy', policyOf('/')]);
		const desk = guide.slice(guide.indexOf('location /admin/ {'));
		expect(desk.slice(0, desk.indexOf('}'))).toContain(
			`add_header Content-Security-Policy "${policyOf('/admin/*')}" always;`,
		);
	});

	test('states the cache rules of dist/_headers for hashed files, recent.json and pages', async () => {
		const guide = await read('docs/deploying.md');
		for (const [location, pattern] of [
			['location /_astro/', '/_astro/*'],
			['location = /recent.json', '/recent.json'],
			['location /', '/'],
		] as const) {
			const block = guide.slice(guide.indexOf(`${location} {`));
			expect(block.slice(0, block.indexOf('}'))).toContain(
				`add_header Cache-Control "${cacheControl(pattern)}"`,
			);
		}
	});

	test('the sample publishing workflow uploads with the same cache rules', async () => {
		const workflow = await read('docs/examples/publish.yml');
		const uploads = [
			...workflow.matchAll(
				/rclone (\w+) (\S+) [^\n]*(?:\\\n[^\n]*)*?--header-upload "Cache-Control: ([^"]+)"/g,
			),
		].map((match) => [match[2], match[3]]);
		expect(uploads).toEqual([
			['dist/_astro', cacheControl('/_astro/*')],
			['dist/recent.json', cacheControl('/recent.json')],
			['dist', cacheControl('/')],
		]);
	});
});

describe("the deploying guide's nginx redirects", () => {
	test('its awk line turns dist/_redirects into the map nginx includes, one quoted pair a line', async () => {
		const guide = await read('docs/deploying.md');
		const command = /^awk .*dist\/_redirects/m.exec(guide)?.[0];
		expect(command).toBeDefined();
		const redirects = redirectsFile([
			{ from: '/wire/old/', to: '/wire/new/', title: 'T', lang: 'en-GB', dir: 'ltr' },
			{ from: '/2026/11/café.html', to: '/wire/new/', title: 'T', lang: 'en-GB', dir: 'ltr' },
		]);
		const folder = await mkdtemp(join(tmpdir(), 'wiredesk-nginx-map-'));
		try {
			await mkdir(join(folder, 'dist'));
			await writeFile(join(folder, 'dist/_redirects'), redirects);
			const { stdout } = await run('sh', ['-c', command ?? ''], { cwd: folder });
			expect(stdout.split('\n')).toEqual([
				'"/2026/11/caf%C3%A9.html" "/wire/new/";',
				'"/wire/old/" "/wire/new/";',
				'',
			]);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});
