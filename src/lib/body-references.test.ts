import { describe, expect, test } from 'vitest';
import { bodyReferences } from './body-references.ts';

describe('bodyReferences', () => {
	test('finds Markdown images and links at their file lines', () => {
		expect(
			bodyReferences(
				'Intro.\n\nA ![chart](./chart.png "Chart") and [the statement](/files/s.pdf).',
				10,
			),
		).toEqual([
			{ kind: 'image', url: './chart.png', line: 12, form: 'markdown' },
			{ kind: 'link', url: '/files/s.pdf', line: 12, form: 'markdown' },
		]);
	});

	test('resolves references through their definitions', () => {
		expect(
			bodyReferences('![map][m] and [site][s]\n\n[m]: ./map.png\n[s]: https://a.example/'),
		).toEqual([
			{ kind: 'image', url: './map.png', line: 1, form: 'reference' },
			{ kind: 'link', url: 'https://a.example/', line: 1, form: 'reference' },
		]);
	});

	test('reads <img src>, srcset and <a href> in raw HTML, each at its own line', () => {
		const refs = bodyReferences(
			'<figure>\n<img src="a.png"\n  srcset="b.png 1x, c.png 2x">\n</figure>\n\nText <a href="doc.pdf">doc</a>.',
			5,
		);
		expect(refs).toEqual([
			{ kind: 'image', url: 'a.png', line: 6, form: 'html' },
			{ kind: 'image', url: 'b.png', line: 7, form: 'html' },
			{ kind: 'image', url: 'c.png', line: 7, form: 'html' },
			{ kind: 'link', url: 'doc.pdf', line: 10, form: 'html' },
		]);
	});

	test('ignores what only looks like an image: code spans and code blocks', () => {
		expect(bodyReferences('`![x](a.png)`\n\n```\n![y](b.png)\n```\n')).toEqual([]);
	});
});
