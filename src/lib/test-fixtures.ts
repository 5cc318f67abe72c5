import { createReportSchema } from './report-schema.ts';
import { defineSiteConfig } from './site-config.ts';
import { parseSourcesFile } from './sources.ts';

/** A small site config shared by the unit tests. */
export const testSite = defineSiteConfig({
	name: 'Test Herald',
	description: 'Test site.',
	url: 'https://news.example.org/',
	locale: 'en-GB',
	timeZone: 'Europe/Berlin',
	sections: [
		{ slug: 'wire', name: 'Wire', disclaimer: 'Retrieved from other agencies.' },
		{ slug: 'business-wire', name: 'Business wire', disclaimer: 'Retrieved from other agencies.' },
	],
});

/** Three agencies, one per indexing policy. */
export const testSources = parseSourcesFile(
	`quay-wire:
  name: Quay Wire
  homepage: https://quay.example.com/
  feed: https://quay.example.com/rss.xml
southern:
  name: Southern Desk & Co
  homepage: https://southern.example.net/
  policy: canonical-to-original
quiet:
  name: Quiet Agency
  homepage: https://quiet.example.org/
  policy: noindex
`,
	'content/sources.yaml',
).directory;

/** The report schema for {@link testSite}. */
export const testSchema = createReportSchema({
	sources: testSources,
	sections: testSite.sections.map((section) => section.slug),
	timeZone: testSite.timeZone,
});

/** A valid report file; override fields by passing frontmatter lines. */
export function reportFile(
	lines: Record<string, string | undefined> = {},
	body = 'The body.',
): string {
	const fields: Record<string, string | undefined> = {
		title: 'Ferries run again',
		source: 'Quay Wire',
		url: 'https://quay.example.com/2026/11/ferries',
		date: '2026-11-24T09:30:00+01:00',
		...lines,
	};
	const yaml = Object.entries(fields)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([key, value]) => `${key}: ${value}`)
		.join('\n');
	return `---\n${yaml}\n---\n${body}\n`;
}
