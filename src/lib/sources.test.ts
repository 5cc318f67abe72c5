import { describe, expect, test } from 'vitest';
import { parseSourcesFile } from './sources.ts';

const valid = `meridian-press:
  name: Meridian Press Agency
  homepage: https://meridian.example.com/
  feed: https://meridian.example.com/rss.xml
lumen:
  name: Lumen Science Desk
  homepage: https://lumen.example.edu/
  policy: noindex
`;

describe('parseSourcesFile', () => {
	test('reads agencies keyed by slug, with the default policy', () => {
		const { directory, problems } = parseSourcesFile(valid, 'content/sources.yaml');
		expect(problems).toEqual([]);
		expect(directory.sources.map((source) => [source.slug, source.policy])).toEqual([
			['meridian-press', 'index'],
			['lumen', 'noindex'],
		]);
	});

	test('finds an agency by name or slug, ignoring case and spacing', () => {
		const { directory } = parseSourcesFile(valid, 'content/sources.yaml');
		expect(directory.find('meridian  press AGENCY')?.slug).toBe('meridian-press');
		expect(directory.find('lumen')?.name).toBe('Lumen Science Desk');
		expect(directory.find('Reuters')).toBeUndefined();
		expect(directory.suggest('Meridan Press Agency')).toBe('Meridian Press Agency');
	});

	test('lists every problem with its line', () => {
		const text = `Bad Slug:
  name: X
  homepage: https://x.example.com/
good:
  name: Good
  homepage: javascript:alert(1)
  policy: sometimes
  colour: red
fine:
  name: Fine Agency
  homepage: https://fine.example.com/
twin:
  name: fine  agency
  homepage: https://twin.example.com/
`;
		const { problems, directory } = parseSourcesFile(text, 'content/sources.yaml');
		expect(problems.map((problem) => `${problem.line}: ${problem.field}`)).toEqual([
			'1: Bad Slug',
			'6: good.homepage',
			'7: good.policy',
			'8: good.colour',
			'13: twin.name',
		]);
		expect(directory.sources.map((source) => source.slug)).toEqual(['fine']);
	});

	test('reads the agencies file within the limits report frontmatter has', () => {
		const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
		for (const name of 'bcdefgh')
			levels.push(
				`${name}: &${name} [${Array(9)
					.fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`)
					.join(', ')}]`,
			);
		const { problems, directory } = parseSourcesFile(
			`${valid}${levels.join('\n')}\n`,
			'content/sources.yaml',
		);
		expect(problems).toEqual([
			{
				file: 'content/sources.yaml',
				line: 10,
				field: '(yaml)',
				message: expect.stringMatching(
					/^YAML: Excessive alias count.*; the agencies file needs no aliases/,
				),
				severity: 'error',
			},
		]);
		expect(directory.sources).toEqual([]);
	});
});
