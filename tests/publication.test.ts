import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { report } from './helpers/project.ts';
import {
	buildSite,
	createFixtureSite,
	listFiles,
	projectRoot,
	type FixtureSite,
} from './helpers/site.ts';

// The build's clock is pinned to this instant with SOURCE_DATE_EPOCH.
const NOW = '2026-11-24T12:00:00Z';
const EXPIRED_PAGE = 'wire/expired-report-yk/index.html';
const reports = {
	'wire/published-report.md': report({
		title: 'Published report',
		url: 'https://quay.example.com/p',
		date: '2026-11-24T11:00:00+01:00',
	}),
	'wire/secret-draft-xq.md': report({
		title: 'Unpublished draft headline XQ',
		url: 'https://quay.example.com/d',
		draft: 'true',
		tags: '[draftonlytag]',
	}),
	'wire/scheduled-report-zv.md': report({
		title: 'Scheduled headline ZV',
		url: 'https://quay.example.com/s',
		date: '2026-11-24T14:00:00+01:00',
	}),
	'wire/later-report-zw.md': report({
		title: 'Later headline ZW',
		url: 'https://quay.example.com/l',
		date: '2026-11-26T08:00:00+01:00',
	}),
	'wire/expired-report-yk.md': report({
		title: 'Expired headline YK',
		url: 'https://quay.example.com/e',
		date: '2026-10-01T10:00:00+02:00',
		expires: '2026-11-20T00:00:00+01:00',
	}),
	'wire/expiring-later.md': report({
		title: 'Still licensed',
		url: 'https://quay.example.com/x',
		date: '2026-10-01T10:00:00+02:00',
		expires: '2026-12-31T00:00:00+01:00',
	}),
};

let site: FixtureSite;
let log: string;
let everything: string;
// Every file but the expired report's own address, which keeps a notice.
let elsewhere: string;

beforeAll(async () => {
	site = await createFixtureSite({
		contentDir: join(projectRoot, 'tests/fixtures/basic'),
		files: reports,
	});
	const info = vi.spyOn(console, 'info');
	process.env['SOURCE_DATE_EPOCH'] = String(Date.parse(NOW) / 1000);
	try {
		await buildSite(site);
	} finally {
		delete process.env['SOURCE_DATE_EPOCH'];
	}
	log = info.mock.calls.map((call) => call.join(' ')).join('\n');
	info.mockRestore();
	const files = await listFiles(site.dist);
	const texts = await Promise.all(
		files.map(async (file) => `${file}\n${await readFile(join(site.dist, file), 'utf8')}`),
	);
	everything = texts.join('\n');
	elsewhere = texts.filter((text) => !text.startsWith(`${EXPIRED_PAGE}\n`)).join('\n');
});

afterAll(async () => {
	await site?.remove();
});

describe('drafts, scheduled and expiring reports', () => {
	test("the build publishes exactly the reports that are published and due, and keeps the expired one's address", async () => {
		const pages = (await listFiles(site.dist)).filter(
			(file) => /^wire\/[^/]+\/index\.html$/.test(file) && !file.startsWith('wire/page/'),
		);
		expect(pages.sort()).toEqual(
			[
				'bandar-rail',
				'expired-report-yk',
				'expiring-later',
				'hostile-body',
				'hostile-headline',
				'published-report',
				'river-dredging-plan',
				'tidal-barrier-closes',
			].map((slug) => `wire/${slug}/index.html`),
		);
	});

	test("the expired report's address says its licence ended, with no body and noindex", async () => {
		const page = await readFile(join(site.dist, EXPIRED_PAGE), 'utf8');
		expect(page).toContain('<meta name="robots" content="noindex">');
		expect(page).toContain('<h1>Expired headline YK</h1>');
		expect(page).toMatch(
			/This report was taken down on <time datetime="2026-11-20T00:00:00\+01:00">/,
		);
		expect(page).not.toContain('report-body');
	});

	test('drafts and scheduled reports appear nowhere in dist/, expired ones nowhere but their own address', () => {
		for (const hidden of [
			'Unpublished draft headline XQ',
			'secret-draft-xq',
			'draftonlytag',
			'Scheduled headline ZV',
			'scheduled-report-zv',
			'Later headline ZW',
			'later-report-zw',
			'Expired headline YK',
			'expired-report-yk',
		]) {
			expect(elsewhere, hidden).not.toContain(hidden);
		}
		expect(everything).toContain('Published report');
	});

	test('the build log gives the clock, what was held back, when the next is due, and what expired', () => {
		expect(log).toContain('[wiredesk] build time 2026-11-24T13:00:00+01:00');
		expect(log).toContain('1 draft left out');
		expect(log).toContain('2 scheduled held back, next due 2026-11-24T14:00:00+01:00');
		expect(log).toContain('1 expired taken down');
		expect(log).toMatch(
			/expired 2026-11-20T00:00:00\+01:00: content\/wire\/expired-report-yk\.md \(Expired headline YK\)/,
		);
	});
});
