import { describe, expect, test } from 'vitest';
import {
	deskContentSecurityPolicy,
	headerRules,
	headersFile,
	patternMatches,
} from './cdn-headers.ts';
import { testSite } from './test-fixtures.ts';

// The top level of a built site, as the build's integration lists it.
const topLevel = [
	'_astro/',
	'admin/',
	'business-wire/',
	'wire/',
	'old-address/',
	'sources/',
	'tags/',
	'search/',
	'pagefind/',
	'index.html',
	'404.html',
	'rss.xml',
	'recent.json',
	'favicon.svg',
	'_headers',
];
const rules = headerRules(testSite, {
	topLevel,
	deskPolicy: deskContentSecurityPolicy(['http://localhost:8081', 'https://api.github.com']),
});
const headersFor = (path: string) =>
	rules.filter((rule) => patternMatches(rule.pattern, path)).flatMap((rule) => rule.headers);

describe('CDN headers', () => {
	test('hashed assets are immutable; pages, feeds and data are short-lived with stale-while-revalidate', () => {
		const cacheOf = (path: string) =>
			headersFor(path).find(([name]) => name === 'Cache-Control')?.[1];
		expect(cacheOf('/_astro/BaseLayout.CBlhfca8.css')).toMatch(/immutable/);
		for (const path of [
			'/',
			'/wire/',
			'/wire/a/',
			'/business-wire/page/2/',
			'/tags/energy/rss.xml',
			'/sources/',
			'/rss.xml',
			'/search/',
			'/sitemap-index.xml',
			'/news-sitemap.xml',
			'/404.html',
			'/pagefind/pagefind.js',
		]) {
			expect(cacheOf(path), path).toMatch(/max-age=300, stale-while-revalidate/);
		}
		expect(cacheOf('/recent.json')).toMatch(/max-age=60, stale-while-revalidate/);
	});

	test('no path gets the same header from two rules (a CDN would join them)', () => {
		for (const path of [
			'/',
			'/wire/a/',
			'/_astro/x.js',
			'/pagefind/fragment/a.pf_fragment',
			'/recent.json',
			'/tags/x/rss.xml',
			'/favicon.svg',
			'/admin/',
			'/admin/decap-cms.js',
			'/old-address/page.html',
		]) {
			const names = headersFor(path).map(([name]) => name);
			expect(new Set(names).size, path).toBe(names.length);
		}
	});

	test('every page gets the security headers, and the CSP allows no inline script', () => {
		const headers = new Map(headersFor('/wire/a/'));
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('Content-Security-Policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
		expect(headers.get('Content-Security-Policy')).not.toMatch(/unsafe-inline/);
	});

	test('every page of the site has the strict policy, wherever the build put it', () => {
		for (const path of [
			'/',
			'/_astro/agency-chart.Bx1.svg',
			'/index.html',
			'/wire/a/',
			'/old-address/page.html',
			'/404.html',
			'/rss.xml',
		])
			expect(new Map(headersFor(path)).get('Content-Security-Policy'), path).toMatch(
				/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/,
			);
	});

	test('the desk has its own policy, which only it gets, and is noindex', () => {
		const desk = new Map(headersFor('/admin/'));
		expect(desk.get('Content-Security-Policy')).toMatch(/script-src 'self' 'unsafe-eval'/);
		expect(desk.get('Content-Security-Policy')).toMatch(
			/connect-src 'self' blob: http:\/\/localhost:8081 https:\/\/api.github.com/,
		);
		expect(desk.get('X-Robots-Tag')).toBe('noindex, nofollow');
		for (const path of ['/', '/wire/a/', '/search/'])
			expect(new Map(headersFor(path)).get('Content-Security-Policy'), path).not.toMatch(
				/'unsafe-eval'|'unsafe-inline'/,
			);
	});

	test('writes the Netlify / Cloudflare Pages format', () => {
		expect(
			headersFile([
				{
					pattern: '/a/*',
					headers: [
						['X-A', '1'],
						['X-B', '2'],
					],
				},
			]),
		).toBe('/a/*\n  X-A: 1\n  X-B: 2\n');
	});
});
