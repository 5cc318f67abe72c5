import { describe, expect, test } from 'vitest';
import { htmlToMarkdown, htmlToReportBody } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
	test('keeps structure: paragraphs, emphasis, links, lists, quotes, headings', () => {
		const markdown = htmlToMarkdown(
			'<h2>Sub</h2><p>A <strong>bold</strong> and <em>quiet</em> <a href="https://a.example/x">link</a>.</p><ul><li>one</li><li>two</li></ul><blockquote><p>Said.</p></blockquote>',
		);
		expect(markdown).toBe(
			'## Sub\n\nA **bold** and _quiet_ [link](https://a.example/x).\n\n- one\n- two\n\n> Said.\n',
		);
	});

	test('drops scripts, handlers, iframes and javascript: links', () => {
		const markdown = htmlToMarkdown(
			'<p onclick="x()">Safe<script>alert(1)</script> <a href="javascript:alert(2)">bad</a> <img src="https://a.example/i.png" onerror="alert(3)" alt="chart"></p><iframe src="https://evil.example/"></iframe>',
		);
		expect(markdown).not.toMatch(/script|alert|onerror|onclick|iframe|javascript:/i);
		expect(markdown).toContain('Safe');
		expect(markdown).toContain('![chart](https://a.example/i.png)');
	});

	test('drops <style> and <script> with their contents, not only their tags', () => {
		const markdown = htmlToMarkdown(
			'<style>b {color:red}</style><p>Text <b>here</b>.</p><script>var x = 1;</script><template><p>Hidden</p></template>',
		);
		expect(markdown).toBe('Text **here**.\n');
	});
});

describe('htmlToReportBody', () => {
	const base = 'https://quay.example.com/2026/11/20/deal';

	test('makes relative links and images absolute against the base', () => {
		const { markdown, dropped } = htmlToReportBody(
			'<p><a href="../21/next">Next</a> <img src="photos/dock.jpg" alt="Dock"> <a href="/about">About</a> <img src="//cdn.quay.example.com/c.png" alt="Chart"></p>',
			{ base },
		);
		expect(markdown).toBe(
			'[Next](https://quay.example.com/2026/11/21/next) ![Dock](https://quay.example.com/2026/11/20/photos/dock.jpg) [About](https://quay.example.com/about) ![Chart](https://cdn.quay.example.com/c.png)\n',
		);
		expect(dropped).toEqual([]);
	});

	test('an image with only a srcset takes its widest candidate, resolved', () => {
		const { markdown } = htmlToReportBody(
			'<p><img srcset="s.jpg 320w, l.jpg 1280w" alt="Quay"></p>',
			{ base },
		);
		expect(markdown).toBe('![Quay](https://quay.example.com/2026/11/20/l.jpg)\n');
	});

	test('a link that cannot be made http(s) keeps its text; such an image goes; each is listed', () => {
		const { markdown, dropped } = htmlToReportBody(
			'<p><a href="javascript:alert(1)">bad</a> <a href="mailto:desk@quay.example.com">write</a> <img src="data:image/png;base64,AAAA" alt="pixel"> <img alt="nothing"> end</p>',
			{ base },
		);
		expect(markdown).toBe('bad write end\n');
		expect(dropped.map((item) => `${item.kind} ${item.url}`)).toEqual([
			'link javascript:alert(1)',
			'link mailto:desk@quay.example.com',
			'image data:image/png;base64,AAAA',
			'image (no src)',
		]);
	});

	test('without a base, relative links and images are dropped rather than written relative', () => {
		const { markdown, dropped } = htmlToReportBody(
			'<p><a href="x">x</a> <img src="y.png" alt="y"></p>',
		);
		expect(markdown).toBe('x\n');
		expect(dropped).toHaveLength(2);
		expect(dropped[0]?.reason).toContain('relative');
	});
});
