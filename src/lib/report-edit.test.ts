import { describe, expect, test } from 'vitest';
import { parseFrontmatter } from './frontmatter.ts';
import { addCorrection, addWithdrawal, oneParagraph, type ReportEdit } from './report-edit.ts';

const DATE = '2026-11-30T15:42:00+01:00';
const correction = { date: DATE, text: 'The deal runs to *2028*, not 2027.' };
const withdrawal = { date: DATE, reason: 'Quay Wire withdrew it: the deal was not signed.' };

/** The text of an edit that must succeed. */
function written(edit: ReportEdit): string {
	if (!edit.ok) throw new Error(`refused: ${edit.message}`);
	return edit.text;
}

describe('addCorrection', () => {
	test('starts a corrections list at the end of the frontmatter, indented as the file indents lists', () => {
		const file = '---\ntitle: A\ntags:\n- shipping\n---\nBody\n';
		const edit = addCorrection(file, correction);
		expect(written(edit)).toBe(
			'---\ntitle: A\ntags:\n- shipping\ncorrections:\n- date: 2026-11-30T15:42:00+01:00\n  text: The deal runs to *2028*, not 2027.\n---\nBody\n',
		);
		expect(edit).toMatchObject({ lines: { first: 5, last: 7 } });
	});

	test('appends to a block list in its own layout and key order, with CRLF and a byte-order mark kept', () => {
		const file =
			'\uFEFF---\r\ntitle: A # ours\r\ncorrections:\r\n  -   text: One. # first\r\n      date: 2026-11-02\r\n  # older ones above\r\nid: x\r\n---\r\nBody\r\n';
		expect(written(addCorrection(file, correction))).toBe(
			'\uFEFF---\r\ntitle: A # ours\r\ncorrections:\r\n  -   text: One. # first\r\n      date: 2026-11-02\r\n' +
				'  -   text: The deal runs to *2028*, not 2027.\r\n      date: 2026-11-30T15:42:00+01:00\r\n' +
				'  # older ones above\r\nid: x\r\n---\r\nBody\r\n',
		);
	});

	test("adds to a flow list on the list's line, with the spacing of the last item", () => {
		const file = '---\ntitle: A\ncorrections: [{date: 2026-11-02, text: One.}]\n---\nBody\n';
		const edit = addCorrection(file, { date: DATE, text: 'Ports: Bergen, [sic] and {Oslo}' });
		expect(written(edit).split('\n')[2]).toBe(
			'corrections: [{date: 2026-11-02, text: One.}, {date: 2026-11-30T15:42:00+01:00, text: "Ports: Bergen, [sic] and {Oslo}"}]',
		);
		expect(edit).toMatchObject({ lines: { first: 3, last: 3 } });
		expect(parseFrontmatter(written(edit)).data['corrections']).toEqual([
			{ date: '2026-11-02', text: 'One.' },
			{ date: DATE, text: 'Ports: Bergen, [sic] and {Oslo}' },
		]);
	});

	test('fills an empty flow list and follows a block list of flow items', () => {
		expect(written(addCorrection('---\ntitle: A\ncorrections: []\n---\n', correction))).toContain(
			'corrections: [{ date: 2026-11-30T15:42:00+01:00, text: "The deal runs to *2028*, not 2027." }]\n',
		);
		expect(
			written(
				addCorrection(
					'---\ntitle: A\ncorrections:\n  - { date: 2026-11-02, text: One. }\n---\n',
					correction,
				),
			),
		).toContain(
			'  - { date: 2026-11-02, text: One. }\n  - { date: 2026-11-30T15:42:00+01:00, text: "The deal runs to *2028*, not 2027." }\n---\n',
		);
	});

	test('quotes text where YAML needs it, so it reads back exactly', () => {
		const text = `"Final" offer: 4% more, #2 of 3 - it's 'agreed'`;
		const edit = written(addCorrection('---\ntitle: A\n---\n', { date: DATE, text }));
		expect(parseFrontmatter(edit).data['corrections']).toEqual([{ date: DATE, text }]);
	});

	test('refuses rather than changing a value it cannot add after', () => {
		// A literal block that keeps its final line ends would lose them to a new line after it.
		const edit = addCorrection(
			'---\ntitle: A\ncorrections:\n  - date: 2026-11-02\n    text: |+\n      One.\n\n---\n',
			correction,
		);
		expect(edit).toMatchObject({ ok: false, field: 'corrections' });
	});
});

describe('addWithdrawal', () => {
	test('adds a withdrawn map at the end, indented as the file indents maps', () => {
		const file = '---\ntitle: A\nimage:\n    src: /a.jpg\n    alt: A port\n---\nBody\n';
		const edit = addWithdrawal(file, { date: DATE, reason: 'Licence: ended' });
		expect(written(edit)).toBe(
			'---\ntitle: A\nimage:\n    src: /a.jpg\n    alt: A port\nwithdrawn:\n    date: 2026-11-30T15:42:00+01:00\n    reason: "Licence: ended"\n---\nBody\n',
		);
		expect(edit).toMatchObject({ lines: { first: 6, last: 8 } });
	});

	test('refuses a report that is already withdrawn, at its line', () => {
		const file = `---\ntitle: A\nwithdrawn:\n  date: ${DATE}\n  reason: Gone.\n---\n`;
		expect(addWithdrawal(file, withdrawal)).toEqual({
			ok: false,
			line: 3,
			field: 'withdrawn',
			message: 'the report is already withdrawn',
		});
	});

	test('refuses a file without frontmatter or with frontmatter as one flow map', () => {
		expect(addWithdrawal('Just text\n', withdrawal)).toMatchObject({ ok: false, line: 1 });
		expect(addWithdrawal('---\n{ title: A }\n---\n', withdrawal)).toMatchObject({ ok: false });
	});
});

describe('oneParagraph', () => {
	test('joins the lines of one paragraph and trims it', () => {
		expect(oneParagraph('  Corrected the\r\n  ferry operator.  ')).toBe(
			'Corrected the ferry operator.',
		);
	});

	test('gives nothing for empty text or two paragraphs', () => {
		expect(oneParagraph('  ')).toBeUndefined();
		expect(oneParagraph('One.\n\nTwo.')).toBeUndefined();
	});
});
