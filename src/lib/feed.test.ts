import { getRssString } from '@astrojs/rss';
import { describe, expect, test } from 'vitest';
import { toRssOptions, type FeedSpec } from './feed.ts';
import { checkReportText } from './report-problems.ts';
import { toReport, type Report } from './report.ts';
import { reportFile, testSchema, testSite, testSources } from './test-fixtures.ts';

function report(lines: Record<string, string>, id = 'wire/talks'): Report {
	const checked = checkReportText(reportFile(lines), `content/${id}.md`, testSchema);
	if (!checked.ok) throw new Error(checked.problems.map((problem) => problem.message).join('\n'));
	return toReport({ id, bodyText: '', data: checked.data }, testSite, testSources);
}

async function feedXml(reports: Report[], body = '<p>Body &amp; more.</p>'): Promise<string> {
	const spec: FeedSpec = {
		kind: 'site',
		key: '',
		href: '/rss.xml',
		pageHref: '/',
		title: 'Test & <Herald>',
		description: 'Wire copy.',
		reports,
	};
	const { options, restore } = toRssOptions(spec, {
		site: testSite,
		contentOf: () => body,
		stylesheet: '/rss.xsl',
	});
	return restore(await getRssString(options));
}

const HEADLINE = 'Q&A: "Talks" <resume> ]]> </script> at 5 < 6 & more';

describe('toRssOptions', () => {
	test('writes plain text with hexadecimal references, never &lt; or &amp;', async () => {
		const xml = await feedXml([
			report({
				title: `'${HEADLINE}'`,
				source: 'Southern Desk & Co',
				author: 'A & B',
				tags: '[Q&A]',
			}),
		]);
		expect(xml).toContain('<title>Test &#x26; &#x3C;Herald&#x3E;</title>');
		expect(xml).toContain(
			'<title>Q&#x26;A: "Talks" &#x3C;resume&#x3E; ]]&#x3E; &#x3C;/script&#x3E; at 5 &#x3C; 6 &#x26; more</title>',
		);
		expect(xml).toContain('<dc:creator>A &#x26; B</dc:creator>');
		expect(xml).toContain('<category>Q&#x26;A</category>');
		expect(xml).toContain(
			'<source url="https://southern.example.net/">Southern Desk &#x26; Co</source>',
		);
		expect(xml).not.toContain(']]>');
	});

	test('writes the excerpt as HTML text, since description holds HTML', async () => {
		const xml = await feedXml([report({ summary: `'5 < 6 & "more"'` })]);
		expect(xml).toContain('<description>5 &#x26;lt; 6 &#x26;amp; "more"</description>');
	});

	test('keeps content:encoded as the XML builder escapes it', async () => {
		expect(await feedXml([report({})])).toContain(
			'<content:encoded>&lt;p&gt;Body &amp;amp; more.&lt;/p&gt;</content:encoded>',
		);
	});

	test('keeps a guid such as 0123 as written, with isPermaLink="false"', async () => {
		expect(await feedXml([report({ id: "'0123'" })])).toContain(
			'<guid isPermaLink="false">0123</guid>',
		);
	});

	test('a body that holds placeholder text cannot pull other text into the feed', async () => {
		const forged = Array.from({ length: 12 }, (_, index) => `wiredesk-text-0-${index}-x`).join(' ');
		expect(await feedXml([report({})], `<p>${forged}</p>`)).toContain(
			`<content:encoded>&lt;p&gt;${forged}&lt;/p&gt;</content:encoded>`,
		);
	});
});
