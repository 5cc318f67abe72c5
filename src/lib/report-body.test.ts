import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { reportBodyFeatures, reportBodyPlugin, takeBodyText } from './report-body.ts';

// The same Sätteri pipeline Astro runs for every report (see astro.config.mjs).
async function render(markdown: string): Promise<string> {
	const { html } = await markdownToHtml(markdown, {
		features: reportBodyFeatures,
		hastPlugins: [reportBodyPlugin({ siteUrl: 'https://news.example.org' })],
	});
	return html;
}

describe('report body', () => {
	test('removes <script>, handlers and javascript: links, keeping the text around them', async () => {
		const html = await render(
			[
				'Before.',
				'',
				'<script>alert("x")</script>',
				'',
				'A [md link](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)" onclick="alert(3)">raw</a>.',
				'',
				'<img src="https://cdn.example.com/a.png" onerror="alert(4)" alt="a chart">',
				'',
				'<div onmouseover="alert(5)"><p>Inside <sup>2</sup></p></div>',
				'',
				'<iframe src="https://evil.example.com/"></iframe><style>body{display:none}</style>',
				'',
				'[data](data:text/html;base64,PHNjcmlwdD4=) <a href="vbscript:x">vb</a>',
			].join('\n'),
		);
		expect(html).not.toMatch(
			/<script|<iframe|<style|onerror|onclick|onmouseover|javascript:|vbscript:|data:text/i,
		);
		expect(html).not.toContain('alert("x")');
		expect(html).not.toContain('display:none');
		expect(html).toContain('<p>Before.</p>');
		expect(html).toContain('<a>md link</a>');
		expect(html).toContain('<a>raw</a>');
		expect(html).toContain('<img src="https://cdn.example.com/a.png" alt="a chart">');
		expect(html).toContain('<p>Inside <sup>2</sup></p>');
	});

	test('keeps ordinary Markdown: headings, lists, quotes, tables, emphasis', async () => {
		const html = await render(
			'## Sub\n\n- a\n- b\n\n> quote\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n*em* **strong** ~~del~~',
		);
		for (const tag of [
			'<h2',
			'<ul>',
			'<blockquote>',
			'<table>',
			'<em>em</em>',
			'<strong>strong</strong>',
			'<del>del</del>',
		]) {
			expect(html).toContain(tag);
		}
	});

	test('marks links to other sites as external and leaves our own alone', async () => {
		const html = await render(
			'[them](https://agency.example.com/a) [us](https://news.example.org/wire/) [mail](mailto:desk@example.org)',
		);
		expect(html).toContain(
			'<a href="https://agency.example.com/a" rel="external noopener">them</a>',
		);
		expect(html).toContain('<a href="https://news.example.org/wire/">us</a>');
		expect(html).toContain('<a href="mailto:desk@example.org">mail</a>');
	});

	test('footnote links reach their prefixed targets', async () => {
		const html = await render('Claim.[^1]\n\n[^1]: Source note.');
		const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
		const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1]));
		expect(hrefs.length).toBe(2);
		for (const href of hrefs) expect(ids.has(href)).toBe(true);
		expect([...ids].every((id) => id?.startsWith('user-content-'))).toBe(true);
	});

	test('prefixes ids written in raw HTML so they cannot clobber page globals', async () => {
		expect(await render('<p id="main">x</p>')).toContain('id="user-content-main"');
	});
});

describe('takeBodyText', () => {
	// Astro hands a render back as HTML and frontmatter only, so the text rides in the latter.
	async function frontmatterAfter(
		markdown: string,
		hastPlugins: ReturnType<typeof reportBodyPlugin>[],
	): Promise<Record<string, unknown>> {
		const astro = {
			frontmatter: { title: 'Kept' } as Record<string, unknown>,
			headings: [],
			localImagePaths: new Set<string>(),
			remoteImagePaths: new Set<string>(),
		};
		await markdownToHtml(markdown, { features: reportBodyFeatures, hastPlugins, data: { astro } });
		return astro.frontmatter;
	}

	test('takes the sanitised body as plain text out of the frontmatter the plugin left it in', async () => {
		const frontmatter = await frontmatterAfter(
			'Crews **returned** on <script>alert(1)</script>Wednesday.[^1]\n\n[^1]: A note.',
			[reportBodyPlugin({ siteUrl: 'https://news.example.org' })],
		);
		expect(takeBodyText(frontmatter)).toEqual({
			bodyText: 'Crews returned on Wednesday.',
			frontmatter: { title: 'Kept' },
		});
	});

	test('gives no text when the plugin did not run, for the loader to refuse', async () => {
		expect(takeBodyText(await frontmatterAfter('Crews returned.', [])).bodyText).toBeUndefined();
	});
});
