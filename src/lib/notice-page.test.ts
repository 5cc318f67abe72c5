import { describe, expect, test } from 'vitest';
import { noticePageOf } from './notice-page.ts';
import { checkReportText } from './report-problems.ts';
import { toReport } from './report.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

const checked = checkReportText(
	reportFile({ lang: 'fa', title: 'قطار دره سبزان' }),
	'content/wire/rail.md',
	testSchema,
);
if (!checked.ok) throw new Error('invalid fixture');
const report = toReport(
	{ id: 'wire/rail', bodyText: 'Body.', data: checked.data },
	testSite,
	testSources,
);
const date = new Date('2026-11-25T08:30:00Z');

describe('noticePageOf', () => {
	test("a withdrawal: the report's address and headline, and the notice with its reason in the site's words", () => {
		const page = noticePageOf(
			report,
			{ kind: 'withdrawn', date, reason: 'Wrong figures.' },
			testSite,
		);
		expect(page).toMatchObject({
			href: '/wire/rail/',
			canonical: 'https://news.example.org/wire/rail/',
			title: 'قطار دره سبزان — Test Herald',
			headline: 'قطار دره سبزان',
			lang: 'fa',
			dir: 'rtl',
			section: { slug: 'wire', name: 'Wire', href: '/wire/' },
			description:
				'This report was withdrawn on 25 November 2026 at 09:30 CET. Reason: Wrong figures.',
		});
		expect(page.credit.agency.name).toBe('Quay Wire');
	});

	test('an expiry says the licence ended, with no reason', () => {
		const page = noticePageOf(report, { kind: 'expired', date }, testSite);
		expect(page.description).toBe(
			'This report was taken down on 25 November 2026 at 09:30 CET: our licence to republish it has ended.',
		);
	});
});
