import { describe, expect, test } from 'vitest';
import { draftOfItem, type DraftContext } from './feed-draft.ts';
import type { FeedItem } from './feed-item.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { checkReportText } from './report-problems.ts';
import { testSchema, testSite } from './test-fixtures.ts';
import { reportAddress } from './urls.ts';

const baseItem: FeedItem = {
	title: 'Dock workers and owners agree deal',
	link: 'https://quay.example.com/2026/11/20/deal',
	published: new Date('2026-11-20T08:00:00Z'),
	content: {
		html: '<p>The deal ends a week of stoppages.</p>',
		base: 'https://quay.example.com/2026/11/20/deal',
	},
	description: {
		html: 'Both sides <b>signed</b> on Friday.',
		base: 'https://quay.example.com/2026/11/20/deal',
	},
	authors: [],
	image: undefined,
};

const context: DraftContext = {
	source: { slug: 'quay-wire', name: 'Quay Wire' },
	section: 'wire',
	namesSection: false,
	timeZone: testSite.timeZone,
	now: new Date('2026-11-24T12:00:00Z'),
	random: 'abc123',
	addressTaken: () => false,
};

function draft(item: Partial<FeedItem>, overrides: Partial<DraftContext> = {}) {
	const outcome = draftOfItem({ ...baseItem, ...item }, { ...context, ...overrides });
	if (!outcome.ok) throw new Error(outcome.reason);
	return { ...outcome.draft, ...parseFrontmatter(outcome.draft.text) };
}

describe('draftOfItem', () => {
	test('fills title, source, url, date in the site zone, plain-text summary, draft and id', () => {
		const result = draft({});
		expect(result.path).toBe('content/wire/2026/11/dock-workers-and-owners-agree-deal.md');
		expect(result.data).toEqual({
			title: 'Dock workers and owners agree deal',
			source: 'Quay Wire',
			url: 'https://quay.example.com/2026/11/20/deal',
			date: '2026-11-20T09:00:00+01:00',
			summary: 'Both sides signed on Friday.',
			draft: true,
			id: 'quay-wire-20261120-abc123',
		});
		expect(result.body).toBe('The deal ends a week of stoppages.\n');
	});

	test('the lead image is credited to the agency, described by its media description', () => {
		const result = draft({
			image: { url: 'https://quay.example.com/dock.jpg', description: 'Cranes at the quay' },
			authors: ['Ingrid Solvang', 'Jon Berg'],
		});
		expect(result.data['image']).toEqual({
			src: 'https://quay.example.com/dock.jpg',
			alt: 'Cranes at the quay',
			credit: 'Quay Wire',
		});
		expect(result.data['author']).toBe('Ingrid Solvang, Jon Berg');
	});

	test('alt text falls back to the description as plain text, cut, then to the headline', () => {
		const long = 'Cranes stand idle at the quay while crews walk out. '.repeat(10);
		const described = draft({
			image: { url: 'https://quay.example.com/dock.jpg', description: undefined },
			description: { html: `<p>${long}</p>`, base: undefined },
		});
		const alt = (described.data['image'] as { alt: string }).alt;
		expect(alt.startsWith('Cranes stand idle at the quay')).toBe(true);
		expect(alt.length).toBeLessThanOrEqual(201);
		const bare = draft({
			image: { url: 'https://quay.example.com/dock.jpg', description: undefined },
			description: undefined,
		});
		expect(bare.data['image']).toMatchObject({ alt: 'Dock workers and owners agree deal' });
		// The schema requires alt text: a draft with a lead image and no description still passes.
		expect(checkReportText(bare.text, bare.path, testSchema).ok).toBe(true);
	});

	test('a lead image that is not http(s) is left out with a note', () => {
		const result = draft({ image: { url: 'javascript:alert(1)', description: 'x' } });
		expect(result.data['image']).toBeUndefined();
		expect(result.notes).toEqual([
			'dropped the lead image javascript:alert(1): not an absolute http(s) address',
		]);
	});

	test('body links and images are absolute; those that cannot be are noted', () => {
		const result = draft({
			content: {
				html: '<p><img src="dock.jpg" alt="Dock"> <img src="data:image/gif;base64,R0lG" alt="px"> <a href="../21/next">next</a></p>',
				base: 'https://quay.example.com/2026/11/20/deal',
			},
		});
		expect(result.body).toBe(
			'![Dock](https://quay.example.com/2026/11/20/dock.jpg) [next](https://quay.example.com/2026/11/21/next)\n',
		);
		expect(result.notes).toEqual([
			'dropped the image data:image/gif;base64,R0lG: not an http(s) address (data:)',
		]);
	});

	test('a taken address gets -2; a named section is written and files the draft there', () => {
		const taken = new Set(['/business-wire/dock-workers-and-owners-agree-deal/']);
		const result = draft(
			{},
			{
				section: 'business-wire',
				namesSection: true,
				addressTaken: (path) => taken.has(reportAddress(path, 'business-wire').href),
			},
		);
		expect(result.path).toBe(
			'content/business-wire/2026/11/dock-workers-and-owners-agree-deal-2.md',
		);
		expect(result.data['section']).toBe('business-wire');
	});

	test('no summary when the description is the body; an item without a title is named from its text', () => {
		const result = draft({ title: '', content: undefined });
		expect(result.data['summary']).toBeUndefined();
		expect(result.data['title']).toBe('Both sides signed on Friday.');
	});

	test('an item without an http(s) link is refused with the reason', () => {
		expect(draftOfItem({ ...baseItem, link: undefined }, context)).toEqual({
			ok: false,
			reason: 'no link to the original report',
		});
		expect(draftOfItem({ ...baseItem, link: 'ftp://quay.example.com/x' }, context)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('not an absolute http(s) address'),
		});
	});
});
