import { describe, expect, test } from 'vitest';
import { checkReportText } from './report-problems.ts';
import { toReport } from './report.ts';
import { newsArticle, reportMetaTags, scriptSafeJson } from './structured-data.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

const title = `'He said "<b>no</b>" & left ]]> </script><!-- x'`;
const checked = checkReportText(
	reportFile({
		title,
		source: 'Southern Desk & Co',
		dateline: 'BERGEN',
		author: 'Ana Ćorić',
		tags: '[energy]',
		updated: '2026-11-24T12:00',
	}),
	'content/wire/a.md',
	testSchema,
);
if (!checked.ok) throw new Error('invalid fixture');
const report = toReport(
	{ id: 'wire/a', bodyText: 'Body text.', data: checked.data },
	testSite,
	testSources,
);

describe('scriptSafeJson', () => {
	test('cannot close its script element, and parses back to the same strings', () => {
		const json = scriptSafeJson(newsArticle(report, testSite));
		expect(json).not.toMatch(/<|>|&/);
		expect(JSON.parse(json).headline).toBe('He said "<b>no</b>" & left ]]> </script><!-- x');
	});
});

describe('newsArticle', () => {
	test('credits the agency and the original report', () => {
		expect(newsArticle(report, testSite)).toMatchObject({
			'@type': 'NewsArticle',
			datePublished: '2026-11-24T09:30:00+01:00',
			dateModified: '2026-11-24T12:00:00+01:00',
			author: { '@type': 'Person', name: 'Ana Ćorić' },
			publisher: { name: 'Test Herald', url: 'https://news.example.org/' },
			inLanguage: 'en-GB',
			isBasedOn: 'https://quay.example.com/2026/11/ferries',
			sourceOrganization: { name: 'Southern Desk & Co', url: 'https://southern.example.net/' },
			creditText: 'Southern Desk & Co',
			dateline: 'BERGEN',
			articleSection: 'Wire',
			keywords: ['energy'],
		});
	});
});

describe('reportMetaTags', () => {
	test('OpenGraph article tags and a Twitter card', () => {
		const tags = reportMetaTags(report, testSite, report.permalink);
		const value = (key: string) =>
			tags.filter((tag) => (tag.property ?? tag.name) === key).map((tag) => tag.content);
		expect(value('og:type')).toEqual(['article']);
		expect(value('article:published_time')).toEqual(['2026-11-24T09:30:00+01:00']);
		expect(value('article:modified_time')).toEqual(['2026-11-24T12:00:00+01:00']);
		expect(value('article:section')).toEqual(['Wire']);
		expect(value('article:tag')).toEqual(['energy']);
		expect(value('twitter:card')).toEqual(['summary']);
		expect(value('og:locale')).toEqual(['en_GB']);
	});
});

describe('corrections in structured data', () => {
	test('each correction is a CorrectionComment with its plain text and date, newest first', () => {
		const corrected = checkReportText(
			reportFile({
				corrections: [
					'',
					'  - date: 2026-11-24T10:00:00+01:00',
					'    text: The port is *Bergen*.',
					'  - date: 2026-11-25T08:00:00+01:00',
					'    text: "The toll is **€4** </script>"',
				].join('\n'),
			}),
			'content/wire/a.md',
			testSchema,
		);
		if (!corrected.ok) throw new Error(JSON.stringify(corrected.problems));
		const article = newsArticle(
			toReport({ id: 'wire/a', bodyText: 'Body.', data: corrected.data }, testSite, testSources),
			testSite,
		);
		expect(JSON.parse(scriptSafeJson(article)).correction).toEqual([
			{
				'@type': 'CorrectionComment',
				text: 'The toll is €4',
				datePublished: '2026-11-25T08:00:00+01:00',
			},
			{
				'@type': 'CorrectionComment',
				text: 'The port is Bergen.',
				datePublished: '2026-11-24T10:00:00+01:00',
			},
		]);
		expect(article['dateModified']).toBe('2026-11-25T08:00:00+01:00');
	});

	test('a report never corrected has no correction property', () => {
		expect(newsArticle(report, testSite)).not.toHaveProperty('correction');
	});
});
