import { describe, expect, test } from 'vitest';
import { mayBeStale, staleOutputFiles } from './stale-output.ts';

const record = {
	startedAt: 1_000,
	kept: new Set(['wire/kept/index.html']),
	ownedElsewhere: ['pagefind'],
};

describe('stale output', () => {
	test('files left by an earlier build go; files this build wrote or kept stay', () => {
		const files = [
			{ path: 'wire/withdrawn/index.html', modified: 500 },
			{ path: 'wire/kept/index.html', modified: 500 },
			{ path: 'wire/new/index.html', modified: 1_000 },
			{ path: '_astro/old.js', modified: 999 },
			{ path: 'pagefind/a0000000/pagefind.js', modified: 10 },
		];
		expect(staleOutputFiles(files, record)).toEqual(['wire/withdrawn/index.html', '_astro/old.js']);
	});

	test('a folder owned elsewhere is matched as a folder, not as a prefix of a name', () => {
		expect(mayBeStale('pagefind/shards.json', record)).toBe(false);
		expect(mayBeStale('pagefinder/index.html', record)).toBe(true);
	});
});
