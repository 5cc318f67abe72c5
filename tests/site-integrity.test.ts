import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from './helpers/site.ts';

const dists = [inject('sampleDist'), inject('basicDist')];

/** The built file an internal address resolves to, as a plain static server would find it. */
function targetFile(dist: string, address: string): string {
	const path = decodeURIComponent(address.split(/[?#]/)[0] ?? '');
	return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

describe('built site integrity', () => {
	test('every internal link, stylesheet, script and image resolves to a built file', async () => {
		for (const dist of dists) {
			const broken: string[] = [];
			for (const file of (await listFiles(dist)).filter((name) => name.endsWith('.html'))) {
				const $ = load(await readFile(join(dist, file), 'utf8'));
				const ids = new Set(
					$('[id]')
						.map((_, element) => $(element).attr('id'))
						.get(),
				);
				$('a[href], link[href], script[src], img[src]').each((_, element) => {
					const address = $(element).attr('href') ?? $(element).attr('src') ?? '';
					if (address.startsWith('#')) {
						if (address.length > 1 && !ids.has(decodeURIComponent(address.slice(1))))
							broken.push(`${file}: ${address}`);
					} else if (address.startsWith('/') && !address.startsWith('//')) {
						if (!existsSync(targetFile(dist, address))) broken.push(`${file}: ${address}`);
						// A page address without its trailing slash makes a static server redirect.
						else if (
							!/\.[a-z0-9]+$/i.test(address.split(/[?#]/)[0] ?? '') &&
							!address.split(/[?#]/)[0]?.endsWith('/')
						) {
							broken.push(`${file}: ${address} (no trailing slash)`);
						}
					}
				});
			}
			expect(broken, dist).toEqual([]);
		}
	});

	test('no relative time phrase is baked into any page', async () => {
		for (const dist of dists) {
			for (const file of (await listFiles(dist)).filter((name) => name.endsWith('.html'))) {
				const $ = load(await readFile(join(dist, file), 'utf8'));
				const phrases = $('.time-relative')
					.map((_, element) => $(element).text())
					.get()
					.filter(Boolean);
				expect(phrases, file).toEqual([]);
				expect($('body').text(), file).not.toMatch(
					/\b(?:just now|\d+ (?:second|minute|hour|day|week|month|year)s? ago)\b/,
				);
			}
		}
	});

	test('every <time> carries a datetime with an explicit offset', async () => {
		for (const dist of dists) {
			for (const file of (await listFiles(dist)).filter((name) => name.endsWith('.html'))) {
				const $ = load(await readFile(join(dist, file), 'utf8'));
				$('time').each((_, element) => {
					expect($(element).attr('datetime'), file).toMatch(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
				});
			}
		}
	});

	test('all client JavaScript on a report page is at most 3 KB gzipped', async () => {
		const dist = inject('sampleDist');
		const page = (await listFiles(join(dist, 'wire'))).find(
			(file) => /^[^/]+\/index\.html$/.test(file) && !file.startsWith('page/'),
		);
		const $ = load(await readFile(join(dist, 'wire', page ?? ''), 'utf8'));
		const seen = new Set<string>();
		const queue = $('script[src]')
			.map((_, element) => $(element).attr('src'))
			.get();
		// Structured data is the only inline script element, and it does not run.
		expect(
			$('script:not([src]):not([type="application/ld+json"])').filter(
				(_, element) => $(element).text().trim() !== '',
			).length,
		).toBe(0);
		let total = 0;
		while (queue.length > 0) {
			const src = queue.shift() ?? '';
			if (seen.has(src)) continue;
			seen.add(src);
			const code = await readFile(join(dist, src), 'utf8');
			total += gzipSync(code, { level: 9 }).length;
			// Follow the module's static imports: they load with the page.
			for (const match of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g))
				queue.push(`/_astro/${match[1]}`);
		}
		expect(seen.size).toBeGreaterThan(0);
		expect(total).toBeLessThanOrEqual(3 * 1024);
	});
});
