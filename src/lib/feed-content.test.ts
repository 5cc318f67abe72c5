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

	test('opens with the correction notices, newest first: label, date, then the sanitised text with absolute links', () => {
		const corrected = checkReportText(
			reportFile({
				corrections: [
					'',
					'  - date: 2026-11-24T10:00:00+01:00',
					'    text: The port is Bergen.',
					'  - date: 2026-11-25T08:00:00+01:00',
					'    text: "The toll is **€4**: see [the table](/wire/tolls/). <script>x()</script>"',
				].join('\n'),
			}),
			'content/wire/ferries.md',
			testSchema,
		);
		if (!corrected.ok) throw new Error(JSON.stringify(corrected.problems));
		const html = feedContent(
			'<p>Body.</p>',
			toReport({ id: 'wire/ferries', bodyText: '', data: corrected.data }, testSite, testSources),
			testSite,
		);
		expect(html.indexOf('The toll is')).toBeLessThan(html.indexOf('The port is Bergen.'));
		expect(html.indexOf('The port is Bergen.')).toBeLessThan(html.indexOf('<p>Body.</p>'));
		expect(html).toContain(
			'<p><strong>Correction</strong> <time datetime="2026-11-25T08:00:00+01:00">25 November 2026 at 08:00 CET</time></p><p>The toll is <strong>€4</strong>: see <a href="https://news.example.org/wire/tolls/">the table</a>.</p>',
		);
		expect(html).not.toContain('x()');
	});
});
