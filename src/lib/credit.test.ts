import { describe, expect, test } from 'vitest';
import { creditOf } from './credit.ts';
import { feedContent } from './feed-content.ts';
import { checkReportText } from './report-problems.ts';
import { toReport } from './report.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

function report(lines: Record<string, string> = {}) {
	const checked = checkReportText(reportFile(lines), 'content/wire/ferries.md', testSchema);
	if (!checked.ok) throw new Error('invalid fixture');
	return toReport({ id: 'wire/ferries', bodyText: '', data: checked.data }, testSite, testSources);
}

describe('creditOf', () => {
	test("cites the agency's own headline when the report has one", () => {
		expect(creditOf(report({ originalTitle: 'Ferries back' }), testSite)).toEqual({
			sourceLabel: 'Source:',
			agency: {
				name: 'Quay Wire',
				href: '/sources/quay-wire/',
				homepage: 'https://quay.example.com/',
			},
			originalLabel: 'Original headline:',
			original: {
				text: 'Ferries back',
				url: 'https://quay.example.com/2026/11/ferries',
				isHeadline: true,
			},
		});
	});

	test("names the original report's host when there is no headline, and the feed says the same", () => {
		const plain = report();
		expect(creditOf(plain, testSite)).toMatchObject({
			originalLabel: 'Original report:',
			original: { text: 'quay.example.com', isHeadline: false },
		});
		expect(feedContent('<p>Body.</p>', plain, testSite)).toContain(
			'Original report: <a href="https://quay.example.com/2026/11/ferries">quay.example.com</a>',
		);
	});
});
