import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
	test('keeps structure: paragraphs, emphasis, links, lists, quotes, headings', () => {
		const markdown = htmlToMarkdown(
			'<h2>Sub</h2><p>A <strong>bold</strong> and <em>quiet</em> <a href="https://a.example/x">link</a>.</p><ul><li>one</li><li>two</li></ul><blockquote><p>Said.</p></blockquote>',
		);
		expect(markdown).toBe('## Sub\n\nA **bold** and _quiet_ [link](https://a.example/x).\n\n- one\n- two\n\n> Said.\n');
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
		const markdown = htmlToMarkdown('<style>b {color:red}</style><p>Text <b>here</b>.</p><script>var x = 1;</script><template><p>Hidden</p></template>');
		expect(markdown).toBe('Text **here**.\n');
	});
});
