import { describe, expect, test } from 'vitest';
import { publicationState, selectPublished } from './publication.ts';

const now = new Date('2026-11-24T12:00:00Z');
const report = (fields: {
	draft?: boolean;
	date: string;
	expires?: string;
	withdrawn?: string;
}) => ({
	draft: fields.draft ?? false,
	date: new Date(fields.date),
	expires: fields.expires ? new Date(fields.expires) : undefined,
	withdrawn: fields.withdrawn
		? { date: new Date(fields.withdrawn), reason: 'The agency withdrew it.' }
		: undefined,
});

describe('publicationState', () => {
	test('published, draft, scheduled and expired', () => {
		expect(publicationState(report({ date: '2026-11-24T11:59:00Z' }), now)).toBe('published');
		expect(publicationState(report({ date: '2026-11-24T12:00:00Z' }), now)).toBe('published');
		expect(publicationState(report({ draft: true, date: '2026-11-01T00:00:00Z' }), now)).toBe(
			'draft',
		);
		expect(publicationState(report({ date: '2026-11-24T12:00:01Z' }), now)).toBe('scheduled');
		expect(
			publicationState(
				report({ date: '2026-11-01T00:00:00Z', expires: '2026-11-24T12:00:00Z' }),
				now,
			),
		).toBe('expired');
		expect(
			publicationState(
				report({ date: '2026-11-01T00:00:00Z', expires: '2026-11-24T12:00:01Z' }),
				now,
			),
		).toBe('published');
	});

	test('a withdrawal takes a report down, and outranks an expiry; drafts and scheduled reports stay unpublished', () => {
		const withdrawn = { date: '2026-11-01T00:00:00Z', withdrawn: '2026-11-02T00:00:00Z' };
		expect(publicationState(report(withdrawn), now)).toBe('withdrawn');
		expect(publicationState(report({ ...withdrawn, expires: '2026-11-03T00:00:00Z' }), now)).toBe(
			'withdrawn',
		);
		expect(publicationState(report({ ...withdrawn, draft: true }), now)).toBe('draft');
	});

	test('the local preview shows drafts', () => {
		expect(publicationState(report({ draft: true, date: '2026-11-01T00:00:00Z' }), now, true)).toBe(
			'published',
		);
	});
});

describe('selectPublished', () => {
	test('counts what it holds back and says when the next scheduled report is due', () => {
		const summary = selectPublished(
			[
				report({ date: '2026-11-20T00:00:00Z' }),
				report({ draft: true, date: '2026-11-20T00:00:00Z' }),
				report({ date: '2026-11-26T00:00:00Z' }),
				report({ date: '2026-11-25T00:00:00Z' }),
				report({ date: '2026-11-01T00:00:00Z', expires: '2026-11-10T00:00:00Z' }),
			],
			now,
		);
		expect(summary.published.length).toBe(1);
		expect(summary.drafts).toBe(1);
		expect(summary.scheduled).toBe(2);
		expect(summary.nextDue).toEqual(new Date('2026-11-25T00:00:00Z'));
		expect(summary.takenDown).toEqual([
			{
				report: report({ date: '2026-11-01T00:00:00Z', expires: '2026-11-10T00:00:00Z' }),
				takedown: { kind: 'expired', date: new Date('2026-11-10T00:00:00Z') },
			},
		]);
	});

	test('a withdrawn or expired report keeps its address with a notice: what it says and since when', () => {
		const withdrawn = report({ date: '2026-11-01T00:00:00Z', withdrawn: '2026-11-02T00:00:00Z' });
		const expired = report({ date: '2026-11-01T00:00:00Z', expires: '2026-11-03T00:00:00Z' });
		const summary = selectPublished([withdrawn, expired], now);
		expect(summary.published).toEqual([]);
		expect(summary.takenDown.map(({ takedown }) => takedown)).toEqual([
			{
				kind: 'withdrawn',
				date: new Date('2026-11-02T00:00:00Z'),
				reason: 'The agency withdrew it.',
			},
			{ kind: 'expired', date: new Date('2026-11-03T00:00:00Z') },
		]);
	});
});
