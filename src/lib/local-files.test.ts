import { describe, expect, test } from 'vitest';
import type { BodyReference } from './body-references.ts';
import { checkReference, joinProjectPath, type ProjectFiles } from './local-files.ts';

const files: ProjectFiles = {
	isFile: (path) =>
		[
			'content/wire/chart.png',
			'content/wire/notes.txt',
			'content/wire/other.md',
			'content/wire/fake.png',
			'public/files/s.pdf',
			'public/img/a.jpg',
		].includes(path),
	imageFormat: (path) =>
		({
			'content/wire/chart.png': 'png',
			'public/img/a.jpg': 'jpg',
			'content/wire/notes.txt': undefined,
		})[path],
};
const check = (
	url: string,
	kind: BodyReference['kind'] = 'image',
	form: BodyReference['form'] = 'markdown',
) => checkReference({ kind, url, line: 3, form }, 'content/wire/report.md', files);

describe('checkReference', () => {
	test('accepts an image beside the report that the build can process, and says the page needs it', () => {
		expect(check('./chart.png')).toEqual({ needs: 'content/wire/chart.png' });
	});

	test('refuses a query or fragment on an image beside the report (the build would publish it broken)', () => {
		expect(check('chart.png?v=2').verdict?.message).toBe(
			'"chart.png?v=2": an image beside the report takes no "?" or "#" part; write chart.png',
		);
		expect(check('./chart.png#top').verdict?.severity).toBe('error');
	});

	test('refuses a missing image, one outside content/, one that is not an image, and an unreadable address', () => {
		expect(check('x.png').verdict?.message).toBe(
			'no file content/wire/x.png; put the image there or fix the path',
		);
		expect(check('../../../../../etc/hostname').verdict?.message).toContain(
			'leads outside content/',
		);
		expect(check('../../public/img/a.jpg').verdict?.message).toContain('leads outside content/');
		expect(check('fake.png').verdict?.message).toBe(
			'content/wire/fake.png is not an image file; the build processes JPEG, PNG, WebP, AVIF, GIF, SVG and TIFF',
		);
		expect(check('100%.png').verdict).toEqual({
			severity: 'error',
			message: 'image "100%.png" is not a readable address: write a lone "%" as "%25"',
		});
	});

	test('a relative image in HTML or as a reference is published unprocessed: refused', () => {
		expect(check('chart.png', 'image', 'html').verdict?.message).toContain(
			'cannot load from the report',
		);
		expect(check('chart.png', 'image', 'reference').verdict?.severity).toBe('error');
	});

	test('site paths must name a file in public/ unless they are pages or files the build writes', () => {
		expect(check('/img/a.jpg')).toEqual({ needs: 'public/img/a.jpg' });
		expect(check('/img/b.jpg').verdict?.message).toBe(
			'no file public/img/b.jpg; put the image there or fix the path',
		);
		expect(check('/files/s.pdf', 'link')).toEqual({ needs: 'public/files/s.pdf' });
		expect(check('/files/t.pdf', 'link').verdict?.severity).toBe('error');
		expect(check('/wire/other-report/', 'link')).toEqual({});
		expect(check('/rss.xml', 'link')).toEqual({});
	});

	test('relative links: page addresses pass, files are refused with what to write instead', () => {
		expect(check('../other-report/', 'link')).toEqual({});
		expect(check('other.md', 'link').verdict?.message).toContain("link to the report's address");
		expect(check('notes.txt', 'link').verdict?.message).toContain(
			'files beside a report are not published',
		);
		expect(check('./statement.pdf', 'link').verdict?.message).toBe(
			'link "./statement.pdf" names no file (content/wire/statement.pdf); put the file in public/ and link it from the site root',
		);
	});

	test('other schemes are removed by the sanitiser: a warning, not silence', () => {
		expect(check('javascript:alert(1)', 'link').verdict).toEqual({
			severity: 'warning',
			message:
				'link "javascript:alert(1)" is removed when published: only http, https, mailto addresses are kept',
		});
		expect(check('data:image/png;base64,AAAA').verdict?.severity).toBe('warning');
		expect(check('mailto:desk@example.org', 'link')).toEqual({});
		expect(check('https://a.example/x.png')).toEqual({});
		expect(check('#user-content-fn-1', 'link')).toEqual({});
	});
});

describe('joinProjectPath', () => {
	test('resolves dot segments and refuses to climb above the project', () => {
		expect(joinProjectPath('content/wire', './a/../b.png')).toBe('content/wire/b.png');
		expect(joinProjectPath('content', '../../x')).toBeUndefined();
	});
});
