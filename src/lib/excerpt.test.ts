import { describe, expect, test } from 'vitest';
import { cutAtWord, excerptOf, hastPlainText, plainText } from './excerpt.ts';

describe('plainText', () => {
	test('drops Markdown syntax, HTML, link URLs, images and footnote marks', () => {
		const markdown = [
			'## The **port** reopens',
			'',
			'A [link](https://quay.example.com/a "title") and <b>bold</b> and `code`.[^1]',
			'',
			'![A ferry](https://quay.example.com/ferry.jpg)',
			'',
			'<script>alert(1)</script>',
			'',
			'Inline <script>alert(2)</script> script.',
			'',
			'- one',
			'- two',
			'',
			'> quoted',
			'',
			'[^1]: A note that readers see at the foot.',
		].join('\n');
		expect(plainText(markdown)).toBe(
			'The port reopens A link and bold and code. Inline script. one two quoted',
		);
	});

	test('keeps table cells apart', () => {
		expect(plainText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b 1 2');
	});
});

describe('cutAtWord', () => {
	test('keeps text that fits, without "…"', () => {
		expect(cutAtWord('Ferries run again.', 100)).toBe('Ferries run again.');
	});

	test('cuts at a word boundary and adds …', () => {
		const text =
			'The river storm barrier was closed for four hours on Tuesday in the first test of the winter season.';
		const excerpt = cutAtWord(text, 40);
		expect(excerpt).toBe('The river storm barrier was closed for…');
		expect(text.startsWith(excerpt.slice(0, -1))).toBe(true);
	});

	test('drops punctuation left before the …', () => {
		expect(cutAtWord('Ports, airports, railways, and roads', 20)).toBe('Ports, airports…');
	});

	test('never splits an emoji, a flag or a combining character', () => {
		const text = `${'word '.repeat(18)}🇳🇴👩‍👩‍👧 Café ñandú e\u0301te\u0301 more words here`;
		const excerpt = cutAtWord(text, 95);
		expect(excerpt.endsWith('…')).toBe(true);
		expect(excerpt.isWellFormed()).toBe(true);
		const kept = excerpt.slice(0, -1);
		expect(text.startsWith(kept)).toBe(true);
		const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map(
			(s) => s.index,
		);
		expect(graphemes).toContain(kept.length);
	});

	test('cuts Persian text at a word, with the zero-width non-joiner kept inside words', () => {
		const text =
			'قطار مسافربری ساحلی امروز پس از دو سال تعمیرات دوباره به راه افتاد و می‌خواهد هر روز از بندر تا مرکز استان برود';
		const excerpt = cutAtWord(text, 60, 'fa');
		expect(excerpt.endsWith('…')).toBe(true);
		const kept = excerpt.slice(0, -1);
		expect(text.startsWith(kept)).toBe(true);
		expect(text[kept.length]).toBe(' ');
		expect(kept.length).toBeLessThanOrEqual(60);
	});

	test('keeps a first word longer than the limit whole', () => {
		const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt';
		expect(cutAtWord(`${word} closes`, 20)).toBe(`${word}…`);
	});
});

describe('excerptOf', () => {
	test('prefers the summary as written', () => {
		expect(excerptOf({ summary: '  Crews   return. ', bodyText: 'Body text.', title: 'T' })).toBe(
			'Crews return.',
		);
	});

	test('falls back to the body text cut at a word, then the headline, never empty', () => {
		expect(excerptOf({ bodyText: 'Body text.', title: 'T' })).toBe('Body text.');
		expect(excerptOf({ bodyText: 'Ferries run again on the fjord.', title: 'T' }, 18)).toBe(
			'Ferries run again…',
		);
		expect(excerptOf({ bodyText: '', title: 'Headline only' })).toBe('Headline only');
	});
});

describe('hastPlainText', () => {
	test('gives the same text as plainText does for the Markdown', async () => {
		const { markdownToHast } = await import('satteri');
		const markdown =
			'A [link](https://x.example) and **bold** text.[^1]\n\n## Heading\n\n- one\n- two\n\n```\ncode\n```\n\n[^1]: A note.';
		const tree = markdownToHast(markdown, { features: { gfm: true } });
		expect(hastPlainText(tree as never)).toBe(plainText(markdown));
	});
});
