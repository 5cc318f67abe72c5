import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.ts';

const dist = inject('sampleDist');
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	server = await serveStatic(dist);
	browser = await launchBrowser();
	page = await browser.newPage();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('a report page in Chromium', () => {
	test('headline, credit link and disclaimer are visible', async () => {
		const response = await page.goto(`${server.origin}/wire/`);
		expect(response?.status()).toBe(200);
		const firstReport = page.locator('.report-list-title a').first();
		const headline = (await firstReport.textContent())?.trim() ?? '';
		await firstReport.click();
		await page.waitForURL(/\/wire\/[^/]+\/$/);
		const h1 = page.locator('h1');
		await expect.poll(() => h1.isVisible()).toBe(true);
		expect((await h1.textContent())?.trim()).toBe(headline);
		const creditLink = page.locator('.credit-original a');
		expect(await creditLink.isVisible()).toBe(true);
		expect(await creditLink.getAttribute('href')).toMatch(/^https?:\/\//);
		expect(await page.locator('.credit-source').isVisible()).toBe(true);
		const disclaimer = page.locator('.disclaimer');
		expect(await disclaimer.isVisible()).toBe(true);
		expect(await disclaimer.textContent()).toMatch(/retrieved from other news agencies/);
	});

	test('the page has no console errors and no failed requests', async () => {
		const problems: string[] = [];
		const fresh = await browser.newPage();
		fresh.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		fresh.on('requestfailed', (request) =>
			problems.push(`${request.url()} ${request.failure()?.errorText}`),
		);
		fresh.on('response', (response) => {
			if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
		});
		await fresh.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
		const href = await fresh.locator('.report-list-title a').first().getAttribute('href');
		await fresh.goto(`${server.origin}${href}`, { waitUntil: 'networkidle' });
		expect(problems).toEqual([]);
		await fresh.close();
	});
});
