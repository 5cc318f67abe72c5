import { describe, expect, test } from 'vitest';
import { indexedPart, pagePublished, searchShards, type SearchPage } from './shards.ts';

const DAY = 86_400_000;
const page = (n: number, digest = 'd'): SearchPage => ({
	file: `wire/report-${String(n).padStart(3, '0')}/index.html`,
	published: Date.UTC(2026, 0, 1) + n * DAY,
	digest,
});
const pages = (count: number) => Array.from({ length: count }, (_, n) => page(n));
const sizes = { archiveShardSize: 4, recentShardSize: 2 };
const byName = (shards: ReturnType<typeof searchShards>) =>
	new Map(shards.map((shard) => [shard.name, shard]));

describe('search shards', () => {
	test('full blocks of the oldest reports are archive shards, the rest small recent shards', () => {
		const shards = searchShards(pages(11).reverse(), sizes);
		expect(shards.map((shard) => [shard.name, shard.pages.length])).toEqual([
			['a0000000', 4],
			['a0000004', 4],
			['r0000008', 2],
			['r0000010', 1],
		]);
		expect(shards[0]?.pages.map((p) => p.file)).toEqual(pages(4).map((p) => p.file));
	});

	test('publishing a newer report changes only the newest shard', () => {
		const before = byName(searchShards(pages(9), sizes));
		const after = byName(searchShards(pages(10), sizes));
		expect([...after.keys()]).toEqual(['a0000000', 'a0000004', 'r0000008']);
		expect(after.get('a0000000')?.fingerprint).toBe(before.get('a0000000')?.fingerprint);
		expect(after.get('a0000004')?.fingerprint).toBe(before.get('a0000004')?.fingerprint);
		expect(after.get('r0000008')?.fingerprint).not.toBe(before.get('r0000008')?.fingerprint);
	});

	test('a changed page changes its own shard only', () => {
		const edited = pages(10).map((p, n) => (n === 5 ? { ...p, digest: 'edited' } : p));
		const [a, b] = [byName(searchShards(pages(10), sizes)), byName(searchShards(edited, sizes))];
		expect(
			[...b]
				.filter(([name, shard]) => a.get(name)?.fingerprint !== shard.fingerprint)
				.map(([name]) => name),
		).toEqual(['a0000004']);
	});

	test('when recent shards fill a block they become one archive shard', () => {
		expect(searchShards(pages(12), sizes).map((shard) => shard.name)).toEqual([
			'a0000000',
			'a0000004',
			'a0000008',
		]);
	});

	test('reports published at the same time keep one order, whatever order they come in', () => {
		const same = [
			page(1),
			{ ...page(1), file: 'wire/a/index.html' },
			{ ...page(1), file: 'wire/z/index.html' },
		];
		const names = (list: SearchPage[]) =>
			searchShards(list, sizes).flatMap((shard) => shard.pages.map((p) => p.file));
		expect(names(same)).toEqual(names([...same].reverse()));
	});

	test('no reports, no shards; sizes that do not nest are refused', () => {
		expect(searchShards([], sizes)).toEqual([]);
		expect(() => searchShards(pages(3), { archiveShardSize: 5, recentShardSize: 2 })).toThrow(
			/multiple/,
		);
	});

	test('the publication time is read from the page head', () => {
		expect(
			pagePublished('<meta property="article:published_time" content="2026-11-06T17:30:00+01:00">'),
		).toBe(Date.parse('2026-11-06T16:30:00Z'));
		expect(pagePublished('<title>No time</title>')).toBeUndefined();
	});
});

describe('the part of a page the search index reads', () => {
	const page = (nav: string, body = 'Ferries run again.') =>
		`<html lang="en-GB"><head><title>T</title></head><body><article class="report" data-pagefind-body><h1>T</h1><p>${body}</p></article><nav>${nav}</nav></body></html>`;

	test('a new "next report" link outside the article is not a change; the body and language are', () => {
		expect(indexedPart(page('<a href="/wire/b/">Next</a>'))).toBe(indexedPart(page('')));
		expect(indexedPart(page('', 'Ferries stop.'))).not.toBe(indexedPart(page('')));
		expect(indexedPart(page('').replace('lang="en-GB"', 'lang="fa"'))).not.toBe(
			indexedPart(page('')),
		);
	});

	test('a page without a report article is read whole', () => {
		expect(indexedPart('<html><body><p>List</p></body></html>')).toBe(
			'<html><body><p>List</p></body></html>',
		);
	});
});
