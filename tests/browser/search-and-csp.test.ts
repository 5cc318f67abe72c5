import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

// Served with the site's generated _headers, Content-Security-Policy included.
const dist = inject('sampleDist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	server = await serveStatic(dist);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** Opens a page and records every console error and failed request it causes. */
async function openWatched(path: string): Promise<{ page: Page; problems: string[] }> {
	const page = await browser.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
			problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	page.on('requestfailed', (request) =>
		problems.push(`${request.url()}: ${request.failure()?.errorText}`),
	);
	await page.goto(`${server.origin}${path}`, {
		waitUntil: path.endsWith('.xml') ? 'load' : 'networkidle',
	});
	return { page, problems };
}

describe('search', () => {
	test('a word from one sample report finds that report', async () => {
		const { page, problems } = await openWatched('/search/?q=sorghum');
		const results = page.locator('[data-search-results] a');
		await expect.poll(() => results.count()).toBe(1);
		expect(await results.first().getAttribute('href')).toBe(
			'/wire/delta-farmers-report-record-sorghum-harvest/',
		);
		expect(await page.locator('[data-search-status]').textContent()).toBe(
			'1 report matches “sorghum”.',
		);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('the search box in the header of every page leads to the results', async () => {
		const { page } = await openWatched('/tags/culture/');
		await page.locator('#site-search').fill('sorghum');
		await page.locator('#site-search').press('Enter');
		await page.waitForURL(/\/search\/\?q=sorghum$/);
		await expect.poll(() => page.locator('[data-search-results] a').count()).toBe(1);
		await page.close();
	});

	test('only report bodies are indexed: the disclaimer on every report finds nothing', async () => {
		const { page } = await openWatched('/search/?q=necessarily');
		await expect
			.poll(() => page.locator('[data-search-status]').textContent())
			.toBe('No reports match “necessarily”.');
		await page.close();
	});
});

describe('the Content-Security-Policy in _headers', () => {
	test('is sent with every page', async () => {
		const response = await fetch(`${server.origin}/wire/`);
		expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(
			(
				await fetch(
					`${server.origin}/_astro/${(await (await fetch(`${server.origin}/wire/`)).text()).match(/\/_astro\/([^"]+\.css)/)?.[1]}`,
				)
			).headers.get('cache-control'),
		).toMatch(/immutable/);
	});

	test.each([
		'/',
		'/wire/museum-returns-carved-masks-to-coastal-villages/',
		'/wire/sabzan-valley-rail-line-reopens/',
		'/search/?q=harbour',
		'/tags/shipping/',
		'/this-page-does-not-exist/',
	])('blocks nothing %s uses', async (path) => {
		const { page, problems } = await openWatched(path);
		// Give the Recent posts refresh and search time to run.
		await page.waitForTimeout(300);
		expect(
			problems.filter(
				(problem) => !/404 \(Not Found\)/.test(problem) || path !== '/this-page-does-not-exist/',
			),
		).toEqual([]);
		await page.close();
	});

	test('a feed opened in the browser is shown through its stylesheet', async () => {
		const { page, problems } = await openWatched('/wire/rss.xml');
		expect(await page.locator('h1').textContent()).toBe('Wire — The Northgate Herald');
		expect(await page.locator('li a').count()).toBeGreaterThan(5);
		// Chrome now adds its own banner (inline styles and a handler) warning that XSLT is being
		// removed; anything else blocked would be ours.
		expect(
			problems.filter((problem) => !/inline (style|event handler)|XSLT/.test(problem)),
		).toEqual([]);
		await page.close();
	});
});
