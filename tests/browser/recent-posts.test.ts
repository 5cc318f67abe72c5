import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

const dist = inject('sampleDist');
const HOUR = 3_600_000;

interface RecentItem {
	title: string;
	href: string;
	date: string;
	source: string;
}

let server: StaticServer;
let browser: Browser;
let recent: RecentItem[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	server = await serveStatic(dist);
	browser = await launchBrowser();
	recent = JSON.parse(await readFile(join(dist, 'recent.json'), 'utf8')) as RecentItem[];
});

afterAll(async () => {
	await Promise.all(contexts.map((context) => context.close()));
	await browser?.close();
	await server?.close();
});

async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext(options);
	contexts.push(context);
	return context.newPage();
}

/** A report page that is not among the newest, so its built-in list differs from recent.json. */
function olderReportHref(): string {
	return '/wire/storm-closes-northern-container-berth/';
}

function recentItem(page: Page, href: string) {
	return page.locator('[data-recent-list] li').filter({ has: page.locator(`a[href="${href}"]`) });
}

describe('Recent posts and relative times in Chromium', () => {
	test('a report dated 11 hours earlier reads "11 hours ago", then "13 hours ago" two hours later without a reload', async () => {
		const newest = recent[0];
		expect(newest).toBeDefined();
		const page = await openPage();
		await page.clock.install({ time: Date.parse(newest?.date ?? '') + 11 * HOUR + 5 * 60_000 });
		await page.goto(`${server.origin}${olderReportHref()}`);
		const item = recentItem(page, newest?.href ?? '');
		await expect.poll(() => item.locator('.time-relative').textContent()).toBe('11 hours ago');
		// The absolute date stays visible beside the phrase, for every reader.
		expect(await item.locator('.time-absolute').isVisible()).toBe(true);
		expect(await item.locator('.time-absolute').textContent()).toMatch(/\d{4}/);
		await page.clock.runFor(2 * HOUR);
		await expect.poll(() => item.locator('.time-relative').textContent()).toBe('13 hours ago');
	});

	test('the list shows the newest reports, not only those built into the page', async () => {
		const page = await openPage();
		await page.goto(`${server.origin}${olderReportHref()}`);
		const titles = page.locator('[data-recent-list] .recent-title');
		await expect.poll(() => titles.first().getAttribute('href')).toBe(recent[0]?.href);
		expect(await titles.count()).toBe(6);
		expect(
			await titles.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
		).not.toContain(olderReportHref());
	});

	test('a report newer than the build, present only in recent.json, appears in the list', async () => {
		const page = await openPage();
		const scoop: RecentItem & Record<string, string> = {
			title: 'Late report published after this page was built',
			href: '/wire/late-report/',
			excerpt: 'Filed minutes ago.',
			date: new Date(Date.now() - 5 * 60_000).toISOString(),
			source: 'Harbourline News',
			lang: 'en-GB',
			dir: 'ltr',
		};
		await page.route('**/recent.json', (route) => route.fulfill({ json: [scoop, ...recent] }));
		await page.goto(`${server.origin}${olderReportHref()}`);
		const item = recentItem(page, scoop.href);
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.locator('.recent-title').textContent()).toBe(scoop.title);
		expect(await item.locator('.time-relative').textContent()).toBe('5 minutes ago');
	});

	test('with JavaScript off, the list and the absolute dates are still there', async () => {
		const page = await openPage({ javaScriptEnabled: false });
		await page.goto(`${server.origin}${olderReportHref()}`);
		const items = page.locator('[data-recent-list] li');
		expect(await items.count()).toBeGreaterThan(0);
		expect(await items.first().locator('.time-absolute').isVisible()).toBe(true);
		expect(await items.first().locator('.time-relative').isVisible()).toBe(false);
		expect(await page.locator('.dateline .time-absolute').isVisible()).toBe(true);
	});

	test('a Persian page shows its relative times in Persian', async () => {
		const page = await openPage();
		const persian = '/wire/sabzan-valley-rail-line-reopens/';
		const html = await readFile(join(dist, persian, 'index.html'), 'utf8');
		const published = /<time datetime="([^"]+)"/.exec(html)?.[1] ?? '';
		await page.clock.install({ time: Date.parse(published) + 3 * HOUR });
		await page.goto(`${server.origin}${persian}`);
		await expect
			.poll(() => page.locator('.dateline .time-relative').textContent())
			.toBe('۳ ساعت پیش');
	});

	test('past the limit (7 days) a time is shown as a date only', async () => {
		const page = await openPage();
		await page.clock.install({ time: Date.parse(recent[0]?.date ?? '') + 9 * 24 * HOUR });
		await page.goto(`${server.origin}${olderReportHref()}`);
		const item = recentItem(page, recent[0]?.href ?? '');
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.locator('.time-relative').isVisible()).toBe(false);
		expect(await item.locator('.time-absolute').isVisible()).toBe(true);
	});
});
