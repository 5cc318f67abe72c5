import { describe, expect, test } from 'vitest';
import { correctionContent, correctionNotices } from './corrections.ts';

const site = 'https://news.example.org';

describe('correctionContent', () => {
	test('renders inline Markdown, and gives the same words as plain text', () => {
		expect(correctionContent('The toll is **€4**, not *€40*; see `TOLL-4`.', site)).toEqual({
			html: 'The toll is <strong>€4</strong>, not <em>€40</em>; see <code>TOLL-4</code>.',
			text: 'The toll is €4, not €40; see TOLL-4.',
		});
	});

	test('removes scripts, handlers and javascript: links as the report bodies allowlist does', () => {
		const { html, text } = correctionContent(
			'Fixed <script>alert(1)</script>[a link](javascript:alert(2)) <b onclick="alert(3)">here</b> <img src="https://x.example/a.png" onerror="alert(4)">.',
			site,
		);
		expect(html).not.toMatch(/<script|alert|javascript:|onclick|onerror|<img/i);
		expect(html).toContain('<a>a link</a>');
		expect(html).toContain('<b>here</b>');
		expect(text).toBe('Fixed a link here .');
	});

	test("marks links to other sites external, as in bodies, and keeps the site's own", () => {
		expect(
			correctionContent('See [the agency](https://agency.example/x) and [ours](/wire/a/).', site)
				.html,
		).toBe(
			'See <a href="https://agency.example/x" rel="external noopener">the agency</a> and <a href="/wire/a/">ours</a>.',
		);
	});

	test('a block typed by mistake (a heading, a list) is kept as its words, never as a block', () => {
		expect(correctionContent('# Wrong port', site).html).toBe('Wrong port');
		const list = correctionContent('- first\n- second', site);
		expect(list.html).not.toMatch(/<(?:ul|li|p|h1)\b/);
		expect(list.text).toBe('first second');
	});

	test('text that looks like markup is escaped, and reads back as written', () => {
		expect(correctionContent('5 < 6 & more', site)).toEqual({
			html: '5 &#x3C; 6 &#x26; more',
			text: '5 < 6 & more',
		});
	});
});

describe('correctionNotices', () => {
	test('newest first; corrections of one instant keep the order they were written in', () => {
		const notices = correctionNotices(
			[
				{ date: new Date('2026-11-04T10:00:00Z'), text: 'First.' },
				{ date: new Date('2026-11-06T10:00:00Z'), text: 'Newest.' },
				{ date: new Date('2026-11-04T10:00:00Z'), text: 'Also first.' },
			],
			site,
		);
		expect(notices.map((notice) => notice.text)).toEqual(['Newest.', 'First.', 'Also first.']);
		expect(notices[0]?.date).toEqual(new Date('2026-11-06T10:00:00Z'));
	});
});
