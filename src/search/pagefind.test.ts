import { describe, expect, test } from 'vitest';
import { pageBatches } from './pagefind.ts';

describe('pageBatches', () => {
	test('reads pages through globs of at most 1,000 paths, whatever the script of their names', () => {
		const files = Array.from({ length: 2_500 }, (_, n) => `wire/report-${n}/index.html`);
		files[7] = 'wire/بندر-عباس/index.html';
		const batches = pageBatches('/dist', '/staging', files);
		expect(batches.map((batch) => batch.path)).toEqual(['/dist', '/dist', '/dist']);
		expect(batches.map((batch) => batch.glob?.split(',').length)).toEqual([1_000, 1_000, 500]);
		expect(batches[0]?.glob).toMatch(
			/^\{wire\/report-0\/index\.html,.*,wire\/بندر-عباس\/index\.html,/,
		);
	});

	test('reads a part from the staging folder when one path has glob syntax in it', () => {
		const files = ['wire/plain/index.html', 'wire/a,b{c}/index.html'];
		expect(pageBatches('/dist', '/staging', files)).toEqual([{ path: '/staging' }]);
	});
});
