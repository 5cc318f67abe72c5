import { describe, expect, test } from 'vitest';
import { feedContent } from './feed-content.ts';
import { checkReportText } from './report-problems.ts';
import { toReport } from './report.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

const checked = checkReportText(
	reportFile({ originalTitle: 'Ferries "back" & running' }),
	'content/wire/ferries.md',
	testSchema,
);
if (!checked.ok) throw new Error('invalid fixture');
const report = toReport(
	{ id: 'wire/ferries', bodyText: '', data: checked.data },
	testSite,
	testSources,
);

describe('feedContent', () => {
	test('makes links, images and footnote anchors absolute', () => {
		const html = feedContent(
			'<p><a href="/wire/other/">other</a> <img src="/images/a.jpg" alt="a"> <a href="#user-content-fn-1">1</a> <a href="https://x.example/">x</a></p>',
			report,
			testSite,
		);
		expect(html).toContain('href="https://news.example.org/wire/other/"');
		expect(html).toContain('src="https://news.example.org/images/a.jpg"');
		expect(html).toContain('href="https://news.example.org/wire/ferries/#user-content-fn-1"');
		expect(html).toContain('href="https://x.example/"');
	});

	test('appends the credit and the disclaimer, escaped', () => {
		const html = feedContent('<p>Body.</p>', report, testSite);
		expect(html).toContain('Source: <a href="https://quay.example.com/">Quay Wire</a>');
		expect(html).toContain(
			'<a href="https://quay.example.com/2026/11/ferries">Ferries "back" &#x26; running</a>',
		);
		expect(html).toContain('<em>Retrieved from other agencies.</em>');
	});
});
