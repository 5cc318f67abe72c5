import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { parseSourcesFile } from '../src/lib/sources.ts';
import { checkReportText } from '../src/lib/report-problems.ts';
import { createReportSchema, type ReportData } from '../src/lib/report-schema.ts';
import { reportSlug } from '../src/lib/urls.ts';
import { site } from '../src/site.config.ts';
import { loadPage } from './helpers/html.ts';
import { listFiles, projectRoot } from './helpers/site.ts';
import { SAMPLE_BUILD_TIME } from './setup/build-sites.ts';

// The sample content in content/, read with the same schema the build uses.
const dist = inject('sampleDist');
const contentDir = join(projectRoot, 'content');
const sources = parseSourcesFile(
	await readFile(join(contentDir, 'sources.yaml'), 'utf8'),
	'content/sources.yaml',
).directory;
const schema = createReportSchema({
	sources,
	sections: site.sections.map((section) => section.slug),
	timeZone: site.timeZone,
});

interface SampleReport {
	file: string;
	href: string;
	data: ReportData;
}

let reports: SampleReport[] = [];

/** Published in lists and with its body at the test build's clock: not a draft, withdrawn or expired. */
const isLive = ({ data }: SampleReport) =>
	!data.draft &&
	!data.withdrawn &&
	!(data.expires && data.expires.getTime() <= Date.parse(SAMPLE_BUILD_TIME));

beforeAll(async () => {
	const files = (await listFiles(contentDir)).filter((file) => file.endsWith('.md'));
	reports = await Promise.all(
		files.map(async (file) => {
			const checked = checkReportText(
				await readFile(join(contentDir, file), 'utf8'),
				`content/${file}`,
				schema,
			);
			if (!checked.ok)
				throw new Error(checked.problems.map((problem) => problem.message).join('\n'));
			const slug = reportSlug(file.replace(/\.md$/, ''));
			return { file, href: `/${checked.data.section}/${slug}/`, data: checked.data };
		}),
	);
});

describe('the sample content', () => {
	test('holds at least 24 reports from at least 6 agencies over several weeks and tags', () => {
		expect(reports.length).toBeGreaterThanOrEqual(24);
		expect(new Set(reports.map((report) => report.data.source)).size).toBeGreaterThanOrEqual(6);
		const times = reports.map((report) => report.data.date.getTime());
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(21 * 86_400_000);
		expect(new Set(reports.flatMap((report) => report.data.tags)).size).toBeGreaterThanOrEqual(5);
	});

	test('includes a restyled headline, a headline with quotes, & and <>, and a Persian or Arabic report', () => {
		expect(reports.some((report) => report.data.originalTitle)).toBe(true);
		expect(
			reports.some(
				(report) =>
					/"/.test(report.data.title) &&
					/&/.test(report.data.title) &&
					/<.*>/.test(report.data.title),
			),
		).toBe(true);
		expect(reports.some((report) => report.data.lang === 'fa' || report.data.lang === 'ar')).toBe(
			true,
		);
	});
});

describe('the sample site', () => {
	test('every report page holds its headline, agency, original link, disclaimer and an offset time', async () => {
		for (const report of reports.filter(isLive)) {
			const $ = await loadPage(dist, report.href);
			const source = sources.find(report.data.source);
			const section = site.sections.find((candidate) => candidate.slug === report.data.section);
			expect($('h1').text(), report.file).toBe(report.data.title);
			expect($('.credit').text(), report.file).toContain(source?.name);
			expect($(`.credit a[href="${report.data.url}"]`).length, report.file).toBe(1);
			expect($('.disclaimer').text().trim(), report.file).toBe(section?.disclaimer);
			expect($('.dateline time').attr('datetime'), report.file).toMatch(
				/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
			);
			expect(new Date($('.dateline time').attr('datetime') ?? '').getTime(), report.file).toBe(
				report.data.date.getTime(),
			);
		}
	});

	test('the Persian or Arabic report has the right lang and dir="rtl"', async () => {
		const rtl = reports.filter((report) => report.data.lang === 'fa' || report.data.lang === 'ar');
		expect(rtl.length).toBeGreaterThan(0);
		for (const report of rtl) {
			const $ = await loadPage(dist, report.href);
			expect($('html').attr('lang')).toBe(report.data.lang);
			expect($('html').attr('dir')).toBe('rtl');
		}
	});

	test('every report is listed on the first page or an archive page of its section', async () => {
		for (const section of site.sections) {
			const pages = (await listFiles(join(dist, section.slug)))
				.filter((file) => file === 'index.html' || /^page\/\d+\/index\.html$/.test(file))
				.map((file) => `/${section.slug}/${file.replace(/index\.html$/, '')}`);
			const links = new Set<string>();
			for (const page of pages) {
				const $ = await loadPage(dist, page);
				for (const href of $('.report-list-title a')
					.map((_, a) => $(a).attr('href'))
					.get())
					links.add(href);
			}
			for (const report of reports.filter(
				(candidate) => isLive(candidate) && candidate.data.section === section.slug,
			)) {
				expect(links.has(report.href), report.file).toBe(true);
			}
		}
	});
});
