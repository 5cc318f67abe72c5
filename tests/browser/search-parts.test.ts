import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';
import { generateReports, reportFiles } from '../helpers/reports.ts';
import {
	buildSite,
	createFixtureSite,
	listFiles,
	projectRoot,
	type FixtureSite,
} from '../helpers/site.ts';

// Eleven reports in index parts of four (archive) and two (recent): four parts in all.
const WORDS = [
	'alderbrook',
	'bramblegate',
	'cindervale',
	'dunmarrow',
	'elmscar',
	'fennick',
	'gorsewater',
	'hollowmere',
	'ivystone',
	'juniperra',
	'kestrelby',
];
const reports = generateReports(WORDS.length).map((report, index) => ({
	...report,
	body: `Harbourmasters logged ${WORDS[index]} cargo on the quay at dawn.`,
}));

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const sources = await readFile(join(projectRoot, 'tests/fixtures/basic/sources.yaml'), 'utf8');
	site = await createFixtureSite({
		files: { 'sources.yaml': sources, ...reportFiles(reports) },
		siteConfig: { search: { archiveShardSize: 4, recentShardSize: 2 } },
	});
	await buildSite(site);
	server = await serveStatic(site.dist);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await site?.remove();
});

async function resultLinks(query: string): Promise<string[]> {
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
	});
	page.on('response', (response) => {
		if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
	});
	await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, {
		waitUntil: 'networkidle',
	});
	await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/match/);
	const links = await page
		.locator('[data-search-results] a')
		.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
	expect(errors).toEqual([]);
	await page.close();
	return links.sort();
}

describe('search over an index in several parts', () => {
	test('the index is built in the parts the config asks for; only the first carries the engine', async () => {
		const list = JSON.parse(await readFile(join(site.dist, 'pagefind/shards.json'), 'utf8')) as {
			shards: string[];
		};
		expect(list.shards).toEqual(['a0000000', 'a0000004', 'r0000008', 'r0000010']);
		const files = await listFiles(join(site.dist, 'pagefind'));
		expect(files.filter((file) => file.endsWith('/pagefind.js'))).toEqual(['a0000000/pagefind.js']);
		expect(
			files
				.filter((file) => file.endsWith('.pagefind'))
				.every((file) => file.startsWith('a0000000/')),
		).toBe(true);
		expect(files.filter((file) => file.includes('-ui.'))).toEqual([]);
	});

	test('a word in every report finds all of them, from every part', async () => {
		expect(await resultLinks('harbourmasters')).toEqual(
			reports.map((report) => `/wire/${report.slug}/`).sort(),
		);
	});

	test('a word in the oldest and one in the newest report each find their report', async () => {
		expect(await resultLinks('alderbrook')).toEqual(['/wire/report-001/']);
		expect(await resultLinks('kestrelby')).toEqual(['/wire/report-011/']);
	});
});
