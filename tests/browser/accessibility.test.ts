import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { site } from '../../src/site.config.ts';

const dist = inject('sampleDist');

// One of each kind of page of the sample site.
const PAGES = {
	'front page': '/',
	'section index': '/wire/',
	'archive page': '/wire/page/1/',
	'LTR report (with image)': '/wire/museum-returns-carved-masks-to-coastal-villages/',
	'RTL report': '/wire/sabzan-valley-rail-line-reopens/',
	'agency page': '/sources/harbourline/',
	'tag page': '/tags/shipping/',
	'agencies overview': '/sources/',
	'tags overview': '/tags/',
	'search page': '/search/?q=harvest',
	'404 page': '/this-page-does-not-exist/',
	'corrected report': '/wire/herring-catch-cut-by-a-fifth/',
	'withdrawn report notice': '/wire/crane-collapse-blamed-on-gusts/',
	'expired report notice': '/wire/lighthouse-logbooks-go-online/',
	'redirect page (page path)': '/wire/delta-ferry-back-in-service/',
	'redirect page (file path)': '/2026/11/delta-ferry.html',
};

// Pages at earlier addresses send the browser on at once (meta refresh): these stay put, so it
// is them that axe checks.
const REDIRECTING = new Set(['/wire/delta-ferry-back-in-service/', '/2026/11/delta-ferry.html']);

// What a page's script adds that axe must see too: the search page's results.
const SCRIPTED: Record<string, string> = { '/search/?q=harvest': '[data-search-results] li' };

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

// Each test gets a fresh context (its own theme and storage), closed when the test ends.
let context: BrowserContext | undefined;
afterEach(async () => {
	await context?.close();
	context = undefined;
});

async function open(
	path: string,
	options: { width?: number; colorScheme?: 'light' | 'dark' } = {},
) {
	context = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: 900 },
		colorScheme: options.colorScheme ?? 'light',
	});
	const page = await context.newPage();
	if (REDIRECTING.has(path))
		// A 204 answer to a navigation leaves the current document in place (HTML's navigate).
		await page.route('**/*', (route) =>
			route.request().isNavigationRequest() && route.request().url() !== `${server.origin}${path}`
				? route.fulfill({ status: 204 })
				: route.continue(),
		);
	await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
	if (REDIRECTING.has(path)) {
		expect(page.url()).toBe(`${server.origin}${path}`);
		expect(await page.locator('h1').textContent()).toBe(site.labels.moved);
	}
	return page;
}

describe('landmarks', () => {
	// A screen-reader user jumps between landmarks by kind and name: the header's and the page's own must differ.
	test('the header and the front page name their navigations apart, in the words of the site config', async () => {
		const page = await open('/');
		const sectionNames = site.sections.map((section) => section.name);
		expect(
			await page
				.getByRole('navigation', { name: site.labels.siteNav, exact: true })
				.getByRole('link')
				.allTextContents(),
		).toEqual([...sectionNames, site.labels.sources, site.labels.tags]);
		expect(
			await page
				.getByRole('navigation', { name: site.labels.sectionsNav, exact: true })
				.getByRole('link')
				.allTextContents(),
		).toEqual(sectionNames);
	});

	test('the header and the search page name their search forms apart, in the words of the site config', async () => {
		const page = await open('/search/?q=harvest');
		await expect
			.poll(() =>
				page
					.getByRole('search', { name: site.labels.searchLabel, exact: true })
					.getByRole('searchbox')
					.inputValue(),
			)
			.toBe('harvest');
		expect(
			await page
				.getByRole('search', { name: site.labels.siteSearch, exact: true })
				.getByRole('searchbox')
				.inputValue(),
		).toBe('');
	});
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// One page load per kind of page: both themes (the media query switched in place, as a reader's
// system setting would) and three widths are checked on it.
describe.each(Object.entries(PAGES))('the %s', (_, path) => {
	test('has no WCAG 2.2 AA or best-practice violations (axe-core) in the light or the dark theme, and does not scroll sideways at 320, 768 or 1440 px', async () => {
		const page = await open(path, { colorScheme: 'light' });
		const scripted = SCRIPTED[path];
		if (scripted) await page.locator(scripted).first().waitFor();
		const violations: Record<string, string[]> = {};
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
			violations[colorScheme] = results.violations.map(
				(violation) =>
					`${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
			);
		}
		expect(violations).toEqual({ light: [], dark: [] });
		const overflow: Record<number, number> = {};
		for (const width of [320, 768, 1440]) {
			// The layout follows the window as a reader resizes it, as it does on load.
			await page.setViewportSize({ width, height: 900 });
			overflow[width] = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
		}
		expect(overflow).toEqual({ 320: 0, 768: 0, 1440: 0 });
	});
});
