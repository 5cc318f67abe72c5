import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { site } from '../../src/site.config.ts';

// Served by a plain static server that does not read _redirects: only the pages at the earlier
// addresses can send the reader on (content/wire/2026/11/river-ferry-service-resumes-after-floods.md
// and crane-collapse-blamed-on-gusts.md list them).
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

describe('an earlier address in Chromium', () => {
	test.each([
		['a page path', '/wire/delta-ferry-back-in-service/'],
		['a file path', '/2026/11/delta-ferry.html'],
	])('%s leads to the report (meta refresh)', async (_, alias) => {
		const page = await browser.newPage();
		await page.goto(`${server.origin}${alias}`);
		await page.waitForURL(`${server.origin}/wire/river-ferry-service-resumes-after-floods/`);
		expect(await page.locator('h1').textContent()).toBe(
			'River ferry service resumes as floodwaters recede',
		);
		expect(await page.locator('.report-body').count()).toBe(1);
		await page.close();
	});

	test("a withdrawn report's earlier address leads to its withdrawal notice", async () => {
		const page = await browser.newPage();
		await page.goto(`${server.origin}/wire/crane-collapse-gusts/`);
		await page.waitForURL(`${server.origin}/wire/crane-collapse-blamed-on-gusts/`);
		expect(await page.locator('.takedown').textContent()).toContain(
			site.labels.withdrawnNotice.split('{date}')[0],
		);
		await page.close();
	});
});

describe('search in Chromium', () => {
	// A word of the withdrawn report that one live report shares, and one only the expired has.
	test.each([
		['a withdrawn report', 'quay', ['/wire/storm-closes-northern-container-berth/']],
		['an expired report', 'logbooks', []],
	])('a word of %s finds only live reports', async (_, word, expected) => {
		const page = await browser.newPage();
		await page.goto(`${server.origin}/search/?q=${word}`, { waitUntil: 'networkidle' });
		await expect
			.poll(() => page.locator('[data-search-status]').textContent())
			.toMatch(new RegExp(`“${word}”`));
		expect(
			await page
				.locator('[data-search-results] a')
				.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
		).toEqual(expected);
		await page.close();
	});
});
