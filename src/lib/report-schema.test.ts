import { describe, expect, test } from 'vitest';
import { formatProblem } from './problems.ts';
import { checkReportText } from './report-problems.ts';
import { reportFile, testSchema } from './test-fixtures.ts';

const check = (text: string) => checkReportText(text, 'content/wire/a.md', testSchema);
const messages = (text: string) => check(text).problems.map(formatProblem);

describe('report schema', () => {
	test('accepts a minimal report and fills defaults', () => {
		const result = check(reportFile());
		expect(result.ok && result.data).toEqual({
			title: 'Ferries run again',
			source: 'quay-wire',
			url: 'https://quay.example.com/2026/11/ferries',
			date: new Date('2026-11-24T08:30:00Z'),
			tags: [],
			section: 'wire',
			draft: false,
			corrections: [],
			aliases: [],
		});
	});

	test('reads corrections, a withdrawal and earlier addresses', () => {
		const result = check(
			reportFile({
				corrections:
					'[{ date: 2026-11-25T10:00+01:00, text: "An earlier version gave the wrong *port*." }]',
				withdrawn: '{ date: 2026-11-26T09:00+01:00, reason: The agency withdrew the report. }',
				aliases: '[/wire/ferries-run, /2026/11/ferries.html]',
			}),
		);
		expect(result.ok && result.data).toMatchObject({
			corrections: [
				{
					date: new Date('2026-11-25T09:00:00Z'),
					text: 'An earlier version gave the wrong *port*.',
				},
			],
			withdrawn: {
				date: new Date('2026-11-26T08:00:00Z'),
				reason: 'The agency withdrew the report.',
			},
			aliases: ['/wire/ferries-run/', '/2026/11/ferries.html'],
		});
	});

	test('refuses a correction before the report, a withdrawal without a reason, an address outside the site', () => {
		const result = check(
			reportFile({
				corrections: '[{ date: 2026-11-01T10:00+01:00, text: Too early. }]',
				withdrawn: '{ date: 2026-11-26T09:00+01:00 }',
				aliases: '["https://other.example/ferries/"]',
			}),
		);
		expect(result.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			"corrections.0.date: is earlier than the report's date",
			'withdrawn.reason: is required',
			'aliases.0: "https://other.example/ferries/" is not an address of this site: write a path such as /wire/old-headline/',
		]);
	});

	test('accepts every optional field', () => {
		const result = check(
			reportFile({
				originalTitle: 'Ferry strike over',
				summary: 'Crews went back to work.',
				tags: '[shipping, europe]',
				section: 'business-wire',
				author: 'Mara Velt',
				dateline: 'BERGEN',
				image: '{ src: /images/ferry.jpg, alt: A ferry at the quay, credit: Quay Wire }',
				lang: 'nb',
				draft: 'true',
				updated: '2026-11-24T12:00',
				expires: '2027-11-24',
				id: 'quay-2026-1124-ferries',
			}),
		);
		expect(result.problems).toEqual([]);
		expect(result.ok && result.data.updated).toEqual(new Date('2026-11-24T11:00:00Z'));
	});

	test('an image may be a file beside the report, a public/ path or a URL, with an optional size', () => {
		for (const src of [
			'./port.jpg',
			'photos/port.webp',
			'/images/port.jpg',
			'https://cdn.example.com/port.jpg',
		]) {
			expect(
				check(reportFile({ image: `{ src: ${src}, alt: A port, width: 1200, height: 800 }` }))
					.problems,
				src,
			).toEqual([]);
		}
		expect(
			messages(reportFile({ image: '{ src: ./port.jpg, alt: A port, width: wide }' })),
		).toEqual(['content/wire/a.md:6: image.width: must be a whole number of pixels']);
	});

	test('names the agency by slug whatever the editor wrote', () => {
		const result = check(reportFile({ source: 'southern desk & co' }));
		expect(result.ok && result.data.source).toBe('southern');
	});

	test('reads a date without offset in the site time zone', () => {
		const result = check(reportFile({ date: '2026-11-24 09:30' }));
		expect(result.ok && result.data.date.toISOString()).toBe('2026-11-24T08:30:00.000Z');
	});

	test('a javascript: URL and a missing date give two problems naming file, line and field', () => {
		expect(messages(reportFile({ url: '"javascript:alert(1)"', date: undefined }))).toEqual([
			'content/wire/a.md:1: date: is required',
			'content/wire/a.md:4: url: must be an http:// or https:// URL (got "javascript:alert(1)")',
		]);
	});

	test('an unknown source lists the known ones and suggests the closest', () => {
		expect(messages(reportFile({ source: 'Quay Wyre' }))).toEqual([
			'content/wire/a.md:3: source: unknown source "Quay Wyre" (did you mean "Quay Wire"?); known sources: Quay Wire, Southern Desk & Co, Quiet Agency',
		]);
	});

	test('reports every problem of a file at once', () => {
		const problems = messages(
			reportFile({
				title: '""',
				url: 'ftp://quay.example.com/a',
				date: '2026-02-30',
				section: 'sport',
				tags: 'energy',
				lang: '"not a language!"',
				tittle: 'typo',
				image: '{ src: "javascript:alert(1)" }',
			}),
		);
		expect(problems).toEqual([
			'content/wire/a.md:2: title: must not be empty',
			'content/wire/a.md:4: url: must be an http:// or https:// URL (got "ftp://quay.example.com/a")',
			expect.stringMatching(
				/^content\/wire\/a\.md:5: date: cannot read "2026-02-30" as a date; write it as .* \(read in Europe\/Berlin\)/,
			),
			'content/wire/a.md:6: section: unknown section "sport"; sections: wire, business-wire',
			'content/wire/a.md:7: tags: must be a list of tags, e.g. [energy, europe]',
			'content/wire/a.md:8: lang: must be a language tag such as "en", "fa" or "ar"',
			'content/wire/a.md:9: tittle: unknown field (did you mean "title"?); it would not be published',
			'content/wire/a.md:10: image.src: must be a file beside the report (./port.jpg), a path from the site root (/images/port.jpg) or an http(s) URL',
			'content/wire/a.md:10: image.alt: is required',
		]);
	});

	test('an update before publication is an error', () => {
		expect(messages(reportFile({ updated: '2026-11-23' }))).toEqual([
			'content/wire/a.md:6: updated: is earlier than date',
		]);
	});

	test('a file without frontmatter is one clear problem', () => {
		expect(messages('Just a body')).toEqual([
			'content/wire/a.md:1: (frontmatter): file must start with a "---" line and YAML frontmatter',
		]);
	});
});

describe('problems inside lists', () => {
	test('point at the line of the list item, not the list', () => {
		const result = check(
			reportFile({
				corrections:
					'\n  - date: 2026-11-25T10:00+01:00\n    text: Fine.\n  - date: 2026-11-01T10:00+01:00\n    text: Too early.',
			}),
		);
		expect(result.problems.map((problem) => `${problem.line}: ${problem.field}`)).toEqual([
			'9: corrections.1.date',
		]);
	});
});
