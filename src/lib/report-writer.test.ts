import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reportMarkdown } from './new-report.ts';
import { cleanReportData, readReportFile, writeReportFile } from './report-writer.ts';

// The documented field order (docs/editor-guide.md); the CMS passes its own.
const FIELD_ORDER = [
	'title',
	'source',
	'url',
	'date',
	'originalTitle',
	'summary',
	'tags',
	'section',
	'author',
	'dateline',
	'image',
	'lang',
	'draft',
	'updated',
	'expires',
	'corrections',
	'withdrawn',
	'aliases',
	'id',
];
const options = { fieldOrder: FIELD_ORDER };

/** What the CMS sends back for fields an editor left empty, on top of the file's own fields. */
const CMS_EMPTIES = {
	summary: '',
	originalTitle: null,
	author: undefined,
	aliases: [],
	image: { src: '', alt: '', credit: null },
	corrections: [],
	withdrawn: { date: '', reason: '' },
};

/** The file after the CMS saved it with `change` made to its fields (and maybe a new body). */
function saved(original: string, change: Record<string, unknown>, body?: string): string {
	const read = readReportFile(original);
	return writeReportFile(
		{ data: { ...CMS_EMPTIES, ...read.data, ...change }, body: body ?? read.body },
		original,
		options,
	);
}

/** A file's lines, each with its own line end, so CRLF shows in comparisons. */
const linesOf = (text: string) => text.split(/(?<=\n)/);

/** The lines that differ between two texts, after the lines they share at start and end. */
function lineChange(before: string, after: string) {
	const a = linesOf(before);
	const b = linesOf(after);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
	let end = 0;
	while (
		end < a.length - start &&
		end < b.length - start &&
		a[a.length - 1 - end] === b[b.length - 1 - end]
	)
		end += 1;
	return {
		at: start,
		removed: a.slice(start, a.length - end),
		added: b.slice(start, b.length - end),
	};
}

const indexOfLine = (text: string, prefix: string) =>
	linesOf(text).findIndex((line) => line.startsWith(prefix));

/** Offset where a file's body starts (just after the closing "---" line). */
const bodyStart = (text: string) => text.length - readReportFile(text).body.length;

const CONTENT = new URL('../../content/', import.meta.url);
const contentFiles = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' })
	.filter((path) => path.endsWith('.md'))
	.sort();

describe('the sample content', () => {
	test('has report files to read', () => {
		expect(contentFiles.length).toBeGreaterThan(10);
	});

	test.each(contentFiles)('%s is saved byte for byte when nothing changed', (path) => {
		const text = readFileSync(new URL(path, CONTENT), 'utf8');
		expect(writeReportFile(readReportFile(text), text, options)).toBe(text);
		// The CMS also sends every field the file does not have, empty.
		expect(saved(text, {})).toBe(text);
	});

	test.each(contentFiles)('%s: a new headline changes the title line only', (path) => {
		const text = readFileSync(new URL(path, CONTENT), 'utf8');
		const change = lineChange(text, saved(text, { title: 'A new headline: "quoted" & more' }));
		expect(change).toEqual({
			at: indexOfLine(text, 'title:'),
			removed: [linesOf(text)[indexOfLine(text, 'title:')]],
			added: ['title: \'A new headline: "quoted" & more\'\n'],
		});
	});
});

describe('readReportFile', () => {
	test('keeps dates as the text in the file, numbers as numbers and flags as flags', () => {
		const read = readReportFile(
			'---\ndate: 2026-11-04T09:15:00+01:00\nupdated: 2026-11-19 16:10\nwords: 1200\ndraft: true\nid: "1200"\n---\nBody\n',
		);
		expect(read.data).toEqual({
			date: '2026-11-04T09:15:00+01:00',
			updated: '2026-11-19 16:10',
			words: 1200,
			draft: true,
			id: '1200',
		});
		expect(read.body).toBe('Body\n');
	});

	test('reads a file with a byte-order mark and CRLF line ends, the body keeping its CRLF', () => {
		const read = readReportFile(
			'\uFEFF---\r\ntitle: A\r\ntags: [x]\r\n---\r\nOne.\r\n\r\nTwo.\r\n',
		);
		expect(read).toEqual({ data: { title: 'A', tags: ['x'] }, body: 'One.\r\n\r\nTwo.\r\n' });
	});

	test('gives no fields and the whole text for a file without frontmatter', () => {
		expect(readReportFile('Just text\n---\n')).toEqual({ data: {}, body: 'Just text\n---\n' });
		expect(readReportFile('---\ntitle: never closed\n')).toEqual({
			data: {},
			body: '---\ntitle: never closed\n',
		});
	});

	test('gives no fields, without throwing, for frontmatter that is not a list of fields', () => {
		for (const yaml of ['- a\n- b\n', 'just words\n', 'title: [unclosed\n', 'a: 1\na: 2\n', ''])
			expect(readReportFile(`---\n${yaml}---\nBody\n`), yaml).toEqual({ data: {}, body: 'Body\n' });
	});

	test('gives an empty body when the closing line ends the file', () => {
		expect(readReportFile('---\ntitle: A\n---')).toEqual({ data: { title: 'A' }, body: '' });
	});
});

describe('cleanReportData', () => {
	test("leaves out the CMS's empty fields at every depth and keeps everything else", () => {
		expect(
			cleanReportData({
				title: 'A',
				summary: '',
				author: null,
				dateline: undefined,
				aliases: [],
				image: { src: '', alt: null, credit: '' },
				withdrawn: { date: '', reason: { note: '' } },
				tags: ['', 'shipping', null],
				corrections: [
					{ date: '', text: '' },
					{ date: '2026-11-04', text: '' },
				],
				draft: false,
				words: 0,
			}),
		).toEqual({
			title: 'A',
			tags: ['shipping'],
			corrections: [{ date: '2026-11-04' }],
			draft: false,
			words: 0,
		});
	});
});

interface EdgeFile {
	name: string;
	text: string;
	/** The 0-based line where a new summary belongs. */
	summaryLine?: number;
	/** How far the file indents a list under its key (2 unless it shows otherwise). */
	listIndent?: number;
}

const EDGE_FILES: EdgeFile[] = [
	{
		name: 'CRLF line ends and a byte-order mark',
		text:
			'\uFEFF---\r\ntitle: Ferry service resumes\r\nsource: Harbourline News\r\n' +
			'date: 2026-11-04T09:15:00+01:00\r\noriginalTitle: "FERRY: back in service"\r\n' +
			'tags: [transport, climate]\r\nid: hln-1\r\n---\r\nFirst paragraph.\r\n\r\nSecond.\r\n',
		summaryLine: 5,
	},
	{
		name: 'comments between keys and at the end of lines',
		text:
			'---\n# Filed from the Harbourline feed\ntitle: Port calls customs review # shortened\n' +
			"source: Harbourline News # the agency's own name\n\n# when it ran\n" +
			'date: 2026-10-20T16:45:00+02:00\ntags:\n  - shipping # the main one\n  - europe\n' +
			'# keep the id last\nid: hln-2026-1020\n---\nBody\n',
		summaryLine: 7,
	},
	{
		name: 'quoted strings with ":", "#", quotes, "<" and "&"',
		text:
			'---\ntitle: \'Port authority calls "<urgent>" review of cargo & customs rules\'\n' +
			'source: Harbourline News\noriginalTitle: "PORTS: review #2 of \\"cargo\\" rules"\n' +
			'dateline: "BRENNHOLM: PORT"\nupdated: "2026-10-21T09:10:00+02:00"\n---\nBody\n',
		summaryLine: 4,
	},
	{
		name: 'a flow list and a block list',
		text: '---\ntitle: Rates held\ntags: [markets, europe]\naliases:\n- /old/rates/\n- /2026/rates.html\n---\nBody\n',
		summaryLine: 2,
		listIndent: 0,
	},
	{
		name: 'folded and literal block scalars',
		text:
			'---\ntitle: Comet water\nsummary: >\n  Measurements of hydrogen isotopes\n  suggest some of the water\n\n  came from comets.\n' +
			'dateline: |\n  HALVERSTOKE\n  (and elsewhere)\nid: lsd-1\n---\nBody\n',
	},
	{
		name: 'Persian text',
		text:
			'---\ntitle: قطار مسافری پس از چهار سال به دره سبزان بازگشت\nsource: Alborz News Agency\n' +
			'date: 2026-10-22T10:30:00+03:30\ndateline: سبزان\nlang: fa\ntags: [transport]\n---\nمتن گزارش.\n',
		summaryLine: 4,
	},
	{
		name: 'a nested image map indented by four spaces',
		text:
			'---\ntitle: Masks returned\ndate: 2026-11-22T08:30:00+02:00\nimage:\n    src: ./carved-masks.jpg\n' +
			'    alt: Three carved masks\n    credit: Illustration by The Northgate Herald\nlang: en\n---\nBody\n',
		summaryLine: 3,
		listIndent: 4,
	},
	{
		name: 'a list of corrections',
		text:
			'---\ntitle: Herring catch cut\nsource: Harbourline News\ntags: [climate]\ncorrections:\n' +
			'  - date: 2026-11-09T16:40:00+01:00\n    text: An earlier version misspelt "Hvide".\n' +
			'  - date: 2026-11-10T08:15:00+01:00\n    text: "It is **495,000 tonnes**: see the figures."\nid: hln-3\n---\nBody\n',
		summaryLine: 3,
	},
];

describe.each(EDGE_FILES)(
	'an existing file with $name',
	({ text, summaryLine, listIndent = 2 }) => {
		const eol = text.includes('\r\n') ? '\r\n' : '\n';

		test('is saved byte for byte when nothing changed', () => {
			expect(writeReportFile(readReportFile(text), text, options)).toBe(text);
			expect(saved(text, {})).toBe(text);
		});

		test('a new headline changes exactly the title line', () => {
			const after = saved(text, { title: 'Ports: "all" reopen & #1 <today>' });
			const before = linesOf(text);
			const lines = linesOf(after);
			expect(lines).toHaveLength(before.length);
			const differ = lines.flatMap((line, i) => (line === before[i] ? [] : [i]));
			expect(differ).toEqual([indexOfLine(text, 'title:')]);
			expect(readReportFile(after).data['title']).toBe('Ports: "all" reopen & #1 <today>');
		});

		// A file that already has a summary has no place to insert one: the test is not declared.
		if (summaryLine !== undefined)
			test('a new summary is inserted where the order puts it', () => {
				const summary = 'Ports reopen: crews return at 06:00 #update';
				expect(lineChange(text, saved(text, { summary }))).toEqual({
					at: summaryLine,
					removed: [],
					added: [`summary: "${summary}"${eol}`],
				});
			});

		test('a cleared summary loses its lines and nothing else', () => {
			const had = 'summary' in readReportFile(text).data;
			const before = had ? text : saved(text, { summary: 'A summary.' });
			const cleared = saved(before, { summary: '' });
			if (!had) expect(cleared).toBe(text);
			const change = lineChange(before, cleared);
			expect(change.added).toEqual([]);
			expect(change.removed[0]).toMatch(/^summary:/);
			expect(change.removed.length).toBe(had ? 5 : 1);
			expect(change.removed.slice(1).every((line) => /^(\s|$)/.test(line))).toBe(true);
			expect(readReportFile(cleared).data).not.toHaveProperty('summary');
		});

		test('a new correction changes only the corrections lines', () => {
			const read = readReportFile(text);
			const old = (read.data['corrections'] ?? []) as unknown[];
			const correction = {
				date: '2026-11-30T10:00:00+01:00',
				text: 'Corrected: the "ferry" operator.',
			};
			const after = saved(text, { corrections: [...old, correction] });
			const change = lineChange(text, after);
			expect(change.removed).toEqual([]);
			expect(change.added).toEqual(
				[
					...(old.length ? [] : ['corrections:']),
					`${' '.repeat(listIndent)}- date: 2026-11-30T10:00:00+01:00`,
					`${' '.repeat(listIndent)}  text: 'Corrected: the "ferry" operator.'`,
				].map((line) => line + eol),
			);
			expect(readReportFile(after).data['corrections']).toEqual([...old, correction]);
		});

		test('a changed body leaves the frontmatter bytes alone', () => {
			const after = saved(text, {}, 'A new body.\n\nWith two paragraphs.');
			expect(after.slice(0, bodyStart(after))).toBe(text.slice(0, bodyStart(text)));
			expect(readReportFile(after).body).toBe(`A new body.${eol}${eol}With two paragraphs.${eol}`);
		});

		test('every field reads back as the editor left it after an edit of several fields', () => {
			const data = {
				...readReportFile(text).data,
				title: 'New',
				author: 'Reza Farahmand',
				tags: ['one', 'two: three'],
				image: { src: './new.jpg', alt: 'New picture' },
			};
			const after = writeReportFile({ data, body: 'Body\n' }, text, options);
			expect(readReportFile(after).data).toEqual(data);
		});
	},
);

describe('writeReportFile on an existing file', () => {
	test('a comment after a changed one-line value stays on its line', () => {
		const text = '---\ntitle: Ferries run # agency headline\ntags: [a] # topics\n---\nBody\n';
		expect(saved(text, { title: 'Ferries run again', tags: ['a', 'b'] })).toBe(
			'---\ntitle: Ferries run again # agency headline\ntags: [a, b] # topics\n---\nBody\n',
		);
	});

	test('a changed flow list stays a flow list on its line', () => {
		const text = '---\ntitle: A\ntags: [transport, climate]\nid: x\n---\nBody\n';
		expect(saved(text, { tags: ['transport', 'energy'] })).toBe(
			'---\ntitle: A\ntags: [transport, energy]\nid: x\n---\nBody\n',
		);
	});

	test('a changed nested map is written with the indent the file uses', () => {
		const text = '---\ntitle: A\nimage:\n    src: a.jpg\n    alt: A\nid: x\n---\nBody\n';
		expect(saved(text, { image: { src: 'b.jpg', alt: 'B', credit: '' } })).toBe(
			'---\ntitle: A\nimage:\n    src: b.jpg\n    alt: B\nid: x\n---\nBody\n',
		);
	});

	test('a list written with dashes under its key is rewritten the same way', () => {
		const text = '---\ntitle: A\naliases:\n- /a/\n- /b/\nid: x\n---\nBody\n';
		expect(saved(text, { aliases: ['/c/', '/b/'] })).toBe(
			'---\ntitle: A\naliases:\n- /c/\n- /b/\nid: x\n---\nBody\n',
		);
	});

	test('keys of a map in another order, and an empty field the file already had, are no change', () => {
		const text = '---\ntitle: A\nsummary: ""\nimage:\n  src: a.jpg\n  alt: A\n---\nBody\n';
		expect(saved(text, { image: { alt: 'A', src: 'a.jpg', credit: '' }, summary: null })).toBe(
			text,
		);
	});

	test('a number and the same digits as text differ', () => {
		const text = '---\ntitle: A\nwords: 1200\n---\nBody\n';
		expect(saved(text, { words: 1200 })).toBe(text);
		expect(saved(text, { words: '1200' })).toBe('---\ntitle: A\nwords: "1200"\n---\nBody\n');
	});

	test('a field cleared to nothing loses all its lines', () => {
		const text = '---\ntitle: A\nimage:\n  src: a.jpg\n  alt: A\nid: x\n---\nBody\n';
		expect(saved(text, { image: { src: '', alt: '', credit: '' } })).toBe(
			'---\ntitle: A\nid: x\n---\nBody\n',
		);
	});

	test('a new field with nothing before it in the order goes above the next field and its comment', () => {
		const text = '---\n# filed by hand\n\n# the agency\nsource: Harbourline News\n---\nBody\n';
		expect(saved(text, { title: 'A' })).toBe(
			'---\n# filed by hand\n\ntitle: A\n# the agency\nsource: Harbourline News\n---\nBody\n',
		);
	});

	test('new fields after one place keep the order, and fields the order does not know go last', () => {
		const text = '---\ntitle: A\nid: x\n---\nBody\n';
		expect(saved(text, { wordCount: 3, url: 'https://x.example/a', source: 'B' })).toBe(
			'---\ntitle: A\nsource: B\nurl: https://x.example/a\nid: x\nwordCount: 3\n---\nBody\n',
		);
	});

	test('a field after a literal block that keeps its last line ends goes after those lines', () => {
		const text = '---\ntitle: A\nsummary: |+\n  Kept.\n\n---\nBody\n';
		const after = saved(text, { tags: ['x'] });
		expect(after).toBe('---\ntitle: A\nsummary: |+\n  Kept.\n\ntags:\n  - x\n---\nBody\n');
		expect(readReportFile(after).data['summary']).toBe('Kept.\n\n');
	});

	test("a body sent back without its CRLF or its last line end is written in the file's style", () => {
		const text = '---\r\ntitle: A\r\n---\r\nOne.\r\nTwo.\r\n';
		expect(saved(text, {}, 'One.\nTwo.')).toBe(text);
		expect(saved(text, {}, 'One.\nThree.')).toBe('---\r\ntitle: A\r\n---\r\nOne.\r\nThree.\r\n');
		expect(saved('---\ntitle: A\n---', {}, 'Body')).toBe('---\ntitle: A\n---\nBody\n');
	});

	test('a file without frontmatter gets one, or stays as it is when it has no fields', () => {
		expect(saved('Just text.\n', {}, 'Other text.\n')).toBe('Other text.\n');
		expect(saved('\uFEFFJust text.\n', { title: 'A' })).toBe(
			'\uFEFF---\ntitle: A\n---\nJust text.\n',
		);
	});

	test('broken frontmatter keeps its bytes when only the body changes', () => {
		const text = '---\ntitle: [unclosed\n---\nBody\n';
		expect(saved(text, {}, 'New body\n')).toBe('---\ntitle: [unclosed\n---\nNew body\n');
	});
});

describe('writeReportFile falls back to a whole new frontmatter', () => {
	test('when a changed field held an anchor another field uses', () => {
		const text =
			'---\n# agency and author are one\nid: x\ntitle: A\nsource: &agency Harbourline News\nauthor: *agency\n---\nBody\n';
		const data = { title: 'A', source: 'Quay Wire', author: 'Harbourline News', id: 'x' };
		const after = writeReportFile({ data, body: 'Body\n' }, text, options);
		expect(readReportFile(after)).toEqual({ data, body: 'Body\n' });
		expect(after).toBe(
			'---\ntitle: A\nsource: Quay Wire\nauthor: Harbourline News\nid: x\n---\nBody\n',
		);
	});

	test('keeping the bytes of an unchanged body and the line ends of the file', () => {
		const text =
			'\uFEFF---\r\ntitle: A\r\nsource: &s S\r\nauthor: *s\r\n---\r\nOne.\r\n\r\nTwo.\r\n';
		const after = writeReportFile(
			{ data: { title: 'A', source: 'T', author: 'S' }, body: 'One.\n\nTwo.' },
			text,
			options,
		);
		expect(after).toBe(
			'\uFEFF---\r\ntitle: A\r\nsource: T\r\nauthor: S\r\n---\r\nOne.\r\n\r\nTwo.\r\n',
		);
	});

	test('while a field that keeps the anchor is edited in place', () => {
		const text = '---\ntitle: A\nsource: &agency Harbourline News\nauthor: *agency\n---\nBody\n';
		expect(saved(text, { title: 'B' })).toBe(text.replace('title: A', 'title: B'));
	});

	test('when the frontmatter is one flow map or broken YAML', () => {
		const data = { title: 'B', source: 'S' };
		for (const text of ['---\n{title: A, source: S}\n---\nBody\n', '---\ntitle: [A\n---\nBody\n']) {
			const after = writeReportFile({ data, body: 'Body\n' }, text, options);
			expect(after).toBe('---\ntitle: B\nsource: S\n---\nBody\n');
		}
	});
});

describe('writeReportFile for a new report', () => {
	const data = {
		id: 'hln-20261104-a1b2c3',
		tags: ['shipping', ''],
		title: 'Ports: open again',
		date: '2026-11-04T09:15:00+01:00',
		summary: '',
		image: { src: '', alt: null, credit: '' },
		corrections: [],
		source: 'Harbourline News',
		url: 'https://harbourline.example.net/2026/11/04/ports',
		wordCount: 1200,
		author: null,
	};

	test('writes the fields in the desk order, none of them empty, as report:new does', () => {
		const text = writeReportFile({ data, body: 'Ports reopened.' }, undefined, options);
		expect(text).toBe(
			reportMarkdown(
				{
					title: 'Ports: open again',
					source: 'Harbourline News',
					url: 'https://harbourline.example.net/2026/11/04/ports',
					date: '2026-11-04T09:15:00+01:00',
					tags: ['shipping'],
					id: 'hln-20261104-a1b2c3',
					wordCount: 1200,
				},
				'Ports reopened.\n',
			),
		);
		expect(readReportFile(text)).toEqual({
			data: cleanReportData(data),
			body: 'Ports reopened.\n',
		});
	});

	test('writes a date with its offset as plain text that reads back unchanged', () => {
		const text = writeReportFile({ data, body: '' }, undefined, options);
		expect(text).toContain('\ndate: 2026-11-04T09:15:00+01:00\n');
		expect(readReportFile(text).data['date']).toBe('2026-11-04T09:15:00+01:00');
		expect(text.endsWith('---\n')).toBe(true);
	});

	test('refuses a value YAML cannot give back rather than writing another', () => {
		expect(() =>
			writeReportFile({ data: { title: 'A', words: Number.NaN }, body: '' }, undefined, options),
		).toThrow(/cannot be written/);
	});
});
