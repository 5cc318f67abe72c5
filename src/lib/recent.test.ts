import { describe, expect, test } from 'vitest';
import { listItemOf } from './list-item.ts';
import { toRecentJson } from './recent.ts';
import { checkReportText } from './report-problems.ts';
import { toReport } from './report.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

describe('toRecentJson', () => {
	test('lists what the Recent posts list shows, with dates in the site offset', () => {
		const title = `'Quotes " & <b>tags</b> </script> stay text'`;
		const checked = checkReportText(
			reportFile({ title, lang: 'fa' }),
			'content/wire/a.md',
			testSchema,
		);
		if (!checked.ok) throw new Error('invalid fixture');
		const report = toReport(
			{ id: 'wire/a', bodyText: 'Body text.', data: checked.data },
			testSite,
			testSources,
		);
		expect(JSON.parse(toRecentJson([listItemOf(report)], 'Europe/Berlin'))).toEqual([
			{
				title: 'Quotes " & <b>tags</b> </script> stay text',
				href: '/wire/a/',
				excerpt: 'Body text.',
				date: '2026-11-24T09:30:00+01:00',
				source: 'Quay Wire',
				lang: 'fa',
				dir: 'rtl',
			},
		]);
	});
});
