import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { copySite } from '../../scripts/lib/site-copy.ts';
import { readReportFile } from '../../src/lib/report-writer.ts';
import { run } from '../helpers/cli.ts';
import { buildSite, listFiles, projectRoot } from '../helpers/site.ts';
import { SAMPLE_BUILD_TIME } from '../setup/build-sites.ts';

// The real desk: the sample site's dist/ served with its own _headers, Decap CMS in Chromium,
// and Decap's local proxy in git mode (the editorial workflow) on a copy of this repository.
const dist = inject('sampleDist');
const PROXY_PORT = '8081';
const PROXY_URL = `http://localhost:${PROXY_PORT}/api/v1`;
const EDITED = 'content/wire/2026/11/city-approves-congestion-charge-for-historic-centre.md';
const PERSIAN = 'content/wire/2026/10/sabzan-valley-rail-line-reopens.md';

let repo: { root: string; remove(): Promise<void> };
let proxy: ChildProcess;
let server: StaticServer;
let browser: Browser;
let page: Page;
/** What the proxy printed, shown when a request to it fails. */
let proxyLog = '';
/** Console errors, failed requests and CSP reports of every desk page the tests open. */
const problems: string[] = [];

const git = (...args: string[]) =>
	execFileSync('git', args, { cwd: repo.root, encoding: 'utf8' }).trimEnd();
/** A file as committed on a branch, every byte. */
const fileOn = (branch: string, path: string) =>
	execFileSync('git', ['show', `${branch}:${path}`], { cwd: repo.root, encoding: 'utf8' });
/** The desk's draft branches (the proxy may have one checked out for a moment). */
const draftBranches = () =>
	git('branch', '--list', 'cms/*')
		.split('\n')
		.map((line) => line.replace(/^[*+]?\s+/, ''))
		.filter(Boolean);

beforeAll(async () => {
	repo = await copySite('wiredesk-desk-');
	await cp(join(projectRoot, 'content'), join(repo.root, 'content'), { recursive: true });
	// The proxy commits everything in the working tree: builds and caches must stay out.
	await cp(join(projectRoot, '.gitignore'), join(repo.root, '.gitignore'));
	git('init', '-q', '-b', 'main');
	git('config', 'user.name', 'Desk test');
	git('config', 'user.email', 'desk@example.org');
	git('add', '-A');
	git('commit', '-q', '-m', 'The sample site');
	proxy = spawn(process.execPath, [join(projectRoot, 'node_modules/decap-server/dist/index.js')], {
		env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: repo.root, PORT: PROXY_PORT },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	await new Promise<void>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(
			() => reject(new Error(`the proxy did not start:\n${output}`)),
			20_000,
		);
		const listen = (chunk: Buffer) => {
			output += chunk.toString();
			proxyLog += chunk.toString();
			if (/listening on port/.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		proxy.stdout?.on('data', listen);
		proxy.stderr?.on('data', listen);
		proxy.on('exit', (code) => reject(new Error(`the proxy exited (${code}):\n${output}`)));
	});
	server = await serveStatic(dist);
	browser = await launchBrowser();
	page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	page.on('console', (message) => {
		// Chrome's line for an HTTP error from the proxy; the response handler judges those.
		if (
			message.location().url.startsWith(PROXY_URL) &&
			/^Failed to load resource/.test(message.text())
		)
			return;
		if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text()))
			problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) =>
		problems.push(`page error in "${expect.getState().currentTestName}": ${String(error)}`),
	);
	// Decap asks before leaving unsaved changes; the tests move on deliberately.
	page.on('dialog', (dialog) => void dialog.accept());
	page.on('response', (response) => {
		if (response.status() < 400) return;
		// The proxy's own failures are judged from its log, at the end (its 404s are protocol).
		if (response.url() === PROXY_URL) return;
		problems.push(`${response.url()}: ${response.status()}`);
	});
	page.on(
		'requestfailed',
		(request) =>
			// Loading the desk afresh (openDesk) cancels what the last view was still fetching.
			request.failure()?.errorText === 'net::ERR_ABORTED' ||
			problems.push(`${request.url()}: ${request.failure()?.errorText}`),
	);
	await page.goto(`${server.origin}/admin/`);
	await page.getByRole('button', { name: 'Login' }).click();
	await page.getByRole('heading', { name: 'Reports' }).waitFor();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	proxy?.kill();
	await repo?.remove();
});

/**
 * Loads the desk afresh at one of its views: moving between Decap's views within the page can
 * be held up by its "leave unsaved changes?" guard when an earlier step failed.
 */
async function openDesk(view: string): Promise<void> {
	await page.goto('about:blank');
	await page.goto(`${server.origin}/admin/#${view}`);
}

/** Opens a report of the repository in the desk's editor, and waits until it shows it. */
async function openReport(path: string): Promise<void> {
	const slug = path.replace(/^content\//, '').replace(/\.md$/, '');
	const { data } = readReportFile(fileOn('main', path));
	await openDesk(`/collections/reports/entries/${slug}`);
	await expect
		.poll(() => page.getByLabel('Headline', { exact: true }).inputValue(), { timeout: 10_000 })
		.toBe(data.title);
}

/** Picks an option of one of Decap's select fields, by typing its name as an editor would. */
async function choose(label: string, option: string): Promise<void> {
	const input = page.getByLabel(label, { exact: true });
	await input.pressSequentially(option);
	await input.press('Enter');
}

/** Types the report's text into the Markdown editor. */
async function writeBody(text: string): Promise<void> {
	const editor = page.locator('[contenteditable="true"]').last();
	await editor.click();
	await page.keyboard.type(text);
}

async function save(): Promise<void> {
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await page
		.getByText('Changes saved', { exact: true })
		.waitFor({ timeout: 15_000 })
		.catch(async (error) => {
			await page.screenshot({ path: '/tmp/desk-save-failed.png' });
			throw error;
		});
}

describe('the web desk', () => {
	test('files a new report as a draft branch; once ready and published it passes content:check and the build publishes it', async () => {
		await openDesk('/collections/reports/new');
		await page
			.getByLabel('Headline', { exact: true })
			.fill('Ferry operators agree a winter timetable');
		await choose('Agency', 'Harbourline News');
		await page
			.getByLabel('Original report', { exact: true })
			.fill('https://harbourline.example.net/2026/11/23/ferry-winter-timetable');
		await page.getByLabel('Published', { exact: true }).fill('2026-11-23T10:15');
		await page.getByRole('button', { name: /^Add tags?$/i }).click();
		await page.locator('input[list$="-tags-in-use"]').fill('shipping');
		await writeBody('The three ferry operators agreed a timetable.');
		await save();

		const branches = draftBranches();
		const branch = 'cms/reports/wire/2026/11/ferry-operators-agree-a-winter-timetable';
		expect(branches).toEqual([branch]);
		const path = 'content/wire/2026/11/ferry-operators-agree-a-winter-timetable.md';
		const text = fileOn(branch, path);
		expect(text).toMatch(
			new RegExp(
				[
					'^---',
					'title: Ferry operators agree a winter timetable',
					'source: Harbourline News',
					'url: https://harbourline.example.net/2026/11/23/ferry-winter-timetable',
					'date: 2026-11-23T10:15:00\\+01:00',
					'tags:',
					'  - shipping',
					'section: wire',
					'id: harbourline-20261123-[0-9a-f]{6}',
					'---',
					'The three ferry operators agreed a timetable.\n$',
				].join('\n'),
			),
		);
		// Nothing reaches main until it is reviewed and published.
		expect(() => fileOn('main', path)).toThrow();

		await page.getByRole('button', { name: 'Status: Draft' }).click();
		await page.getByRole('menuitem', { name: 'Ready' }).click();
		await page.getByRole('button', { name: 'Status: Ready' }).waitFor();
		await page.getByRole('button', { name: 'Publish', exact: true }).click();
		await page.getByRole('menuitem', { name: 'Publish now' }).click();
		await expect.poll(draftBranches, { timeout: 15_000 }).toEqual([]);
		expect(fileOn('main', path)).toBe(text);

		const check = await run(process.execPath, ['scripts/check-content.ts'], { cwd: repo.root });
		expect(check.stderr).not.toMatch(/error/i);
		expect(check.code).toBe(0);
		git('checkout', '-q', 'main');
		process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(SAMPLE_BUILD_TIME) / 1000);
		try {
			await buildSite({ root: repo.root, dist: join(repo.root, 'dist'), remove: repo.remove });
		} finally {
			delete process.env['SOURCE_DATE_EPOCH'];
		}
		const published = await readFile(
			join(repo.root, 'dist/wire/ferry-operators-agree-a-winter-timetable/index.html'),
			'utf8',
		);
		expect(published).toContain('<h1>Ferry operators agree a winter timetable</h1>');
	});

	test('a report opened and saved keeps every byte; a headline edit changes only the title line', async () => {
		const original = fileOn('main', EDITED);
		await openReport(EDITED);
		const headline = page.getByLabel('Headline', { exact: true });
		await headline.fill('Torvik approves congestion charge for its historic centre');
		await save();
		const branch = 'cms/reports/wire/2026/11/city-approves-congestion-charge-for-historic-centre';
		expect(draftBranches()).toEqual([branch]);
		const edited = fileOn(branch, EDITED).split('\n');
		const before = original.split('\n');
		expect(edited.length).toBe(before.length);
		expect(edited.filter((line, index) => line !== before[index])).toEqual([
			'title: Torvik approves congestion charge for its historic centre',
		]);

		await headline.fill('City approves congestion charge for historic centre');
		await save();
		expect(fileOn(branch, EDITED)).toBe(original);
	});

	test('a javascript: address cannot be saved', async () => {
		await openDesk('/collections/reports/new');
		await page.getByLabel('Headline', { exact: true }).fill('An address that runs a script');
		await choose('Agency', 'Harbourline News');
		await page.getByLabel('Original report', { exact: true }).fill('javascript:alert(1)');
		await page.getByLabel('Published', { exact: true }).fill('2026-11-23T11:00');
		await writeBody('Text.');
		const before = problems.length;
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		await expect
			.poll(() => page.getByText(/Original report.*http:\/\/ or https:\/\//).count())
			.toBeGreaterThan(0);
		// Decap rejects its save with no reason when a field stops it: expected here, once.
		const refused = problems.splice(before);
		expect(refused).toEqual([
			'page error in "the web desk > a javascript: address cannot be saved": undefined',
		]);
		expect(draftBranches().filter((name) => name.includes('an-address'))).toEqual([]);
	});

	test('the preview shows a Persian report right to left with the site stylesheet', async () => {
		await openReport(PERSIAN);
		const preview = page.frameLocator('iframe').first();
		const article = preview.locator('article.report');
		await expect.poll(() => article.getAttribute('dir'), { timeout: 10_000 }).toBe('rtl');
		expect(await article.getAttribute('lang')).toBe('fa');
		expect(await preview.locator('link[rel="stylesheet"][href^="/_astro/"]').count()).toBe(1);
	});

	test('loaded every page with no console error and nothing blocked by its Content-Security-Policy', () => {
		expect(problems).toEqual([]);
		// A draft changed back until it equals main trips decap-server 3.11's git mode when the
		// desk reloads it ("Reduce of empty array": it assumes a draft changes a file). The
		// proxy's fault, in development only (GitHub's and GitLab's APIs answer an empty diff);
		// any other failure of the proxy fails the test.
		const failures = proxyLog.split('\n').filter((line) => /Error handling/.test(line));
		for (const failure of failures)
			expect(failure).toMatch(/"action":"unpublishedEntry".*Reduce of empty array/);
	});
});

describe('/admin/ is for editors only', () => {
	test('noindex in the page and in its headers', async () => {
		const response = await fetch(`${server.origin}/admin/`);
		expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
		expect(response.headers.get('content-security-policy')).toMatch(/'unsafe-eval'/);
		expect(await response.text()).toContain('<meta name="robots" content="noindex, nofollow">');
		// The rest of the site keeps its strict policy.
		const report = await fetch(`${server.origin}/wire/`);
		expect(report.headers.get('content-security-policy')).not.toMatch(/'unsafe-(eval|inline)'/);
	});

	test('in no sitemap, feed or search index', async () => {
		const files = await listFiles(dist);
		const published = files.filter((file) =>
			/(^|\/)(sitemap|news-sitemap)[^/]*\.xml$|rss\.xml$|recent\.json$/.test(file),
		);
		expect(published.length).toBeGreaterThan(3);
		for (const file of published)
			expect(await readFile(join(dist, file), 'utf8'), file).not.toContain('/admin');
		const index = files.filter((file) => file.startsWith('pagefind/'));
		expect(index.length).toBeGreaterThan(0);
		for (const file of index.filter((name) => /\.pf_meta$|\.json$/.test(name)))
			expect((await readFile(join(dist, file))).includes('/admin')).toBe(false);
	});
});
