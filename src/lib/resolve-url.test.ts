import { describe, expect, test } from 'vitest';
import {
	largestCandidate,
	parseSrcset,
	resolveHttpUrl,
	resolveUrl,
	shortUrl,
} from './resolve-url.ts';

describe('resolveHttpUrl', () => {
	test('resolves relative, root-relative and protocol-relative addresses against the base', () => {
		const base = 'https://quay.example.com/news/2026/item';
		expect(resolveHttpUrl('photo.jpg', base)).toBe('https://quay.example.com/news/2026/photo.jpg');
		expect(resolveHttpUrl('../x', base)).toBe('https://quay.example.com/news/x');
		expect(resolveHttpUrl('/top', base)).toBe('https://quay.example.com/top');
		expect(resolveHttpUrl('//cdn.example.net/a.png', base)).toBe('https://cdn.example.net/a.png');
		expect(resolveHttpUrl('#notes', base)).toBe('https://quay.example.com/news/2026/item#notes');
	});

	test('keeps an absolute http address as it is, whatever the base', () => {
		expect(resolveHttpUrl('http://other.example/a.jpg', 'https://quay.example.com/')).toBe(
			'http://other.example/a.jpg',
		);
	});

	test('refuses what cannot be published: other schemes, credentials, relative without a base', () => {
		expect(resolveHttpUrl('javascript:alert(1)', 'https://quay.example.com/')).toBeUndefined();
		expect(
			resolveHttpUrl('data:image/png;base64,AAAA', 'https://quay.example.com/'),
		).toBeUndefined();
		expect(resolveHttpUrl('mailto:desk@quay.example.com')).toBeUndefined();
		expect(resolveHttpUrl('https://user:secret@quay.example.com/a')).toBeUndefined();
		expect(resolveHttpUrl('photo.jpg')).toBeUndefined();
		expect(resolveUrl('   ')).toBeUndefined();
	});
});

describe('parseSrcset and largestCandidate', () => {
	test('splits candidates with and without spaces after the commas', () => {
		expect(parseSrcset('a.jpg 1x,b.jpg 2x')).toEqual([
			{ url: 'a.jpg', descriptor: '1x' },
			{ url: 'b.jpg', descriptor: '2x' },
		]);
		expect(parseSrcset(' a.jpg, b.jpg 640w ')).toEqual([
			{ url: 'a.jpg', descriptor: '' },
			{ url: 'b.jpg', descriptor: '640w' },
		]);
	});

	test('keeps a comma inside a URL', () => {
		expect(
			parseSrcset('/img/w_320,h_200/a.jpg 320w, /img/w_960,h_600/a.jpg 960w').map(
				(candidate) => candidate.url,
			),
		).toEqual(['/img/w_320,h_200/a.jpg', '/img/w_960,h_600/a.jpg']);
	});

	test('the largest candidate is the widest or densest', () => {
		expect(largestCandidate(parseSrcset('s.jpg 320w, l.jpg 1280w, m.jpg 640w'))?.url).toBe('l.jpg');
		expect(largestCandidate(parseSrcset('a.jpg, b.jpg 2x'))?.url).toBe('b.jpg');
		expect(largestCandidate([])).toBeUndefined();
	});
});

describe('shortUrl', () => {
	test('cuts a long address for a message', () => {
		const long = `data:image/png;base64,${'A'.repeat(500)}`;
		expect(shortUrl(long)).toHaveLength(80);
		expect(shortUrl(long).endsWith('…')).toBe(true);
		expect(shortUrl('https://a.example/x')).toBe('https://a.example/x');
	});
});
