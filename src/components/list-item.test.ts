import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import { listingPageKey, reportPageKey } from '../data/cache-keys.ts';
import type { ListItem } from '../lib/list-item.ts';
import type { ListingPage } from '../lib/listing-pages.ts';
import RecentPosts from './RecentPosts.astro';
import ReportList from './ReportList.astro';
import ReportNav from './ReportNav.astro';

// Every page that lists reports has an incremental-build key (src/data/cache-keys.ts): when
// the key is unchanged, the page is restored from the last build instead of rendered. So a
// value a list shows but its page's key does not cover goes stale on every page listing it.

/** A list item as the build makes one. */
const listItem: ListItem = {
	title: 'Ferry operators end two-day strike',
	href: '/wire/ferry-operators-end-strike/',
	excerpt: 'Crews on the western fjord routes went back to work after a pay agreement.',
	agency: 'Harbourline News',
	date: new Date('2026-11-04T08:15:00Z'),
	lang: 'en-GB',
	dir: 'ltr',
};

/** Another value for each field, one a list showing the field cannot show the same way. */
const changes: { [K in keyof ListItem]-?: (value: ListItem[K]) => ListItem[K] } = {
	title: (title) => `${title} again`,
	href: (href) => `${href}update/`,
	excerpt: (excerpt) => `${excerpt} More.`,
	agency: (agency) => `${agency} Wire`,
	date: (date) => new Date(date.getTime() + 26 * 3_600_000),
	lang: () => 'fa',
	dir: (dir) => (dir === 'ltr' ? 'rtl' : 'ltr'),
};

type Field = keyof ListItem;

/** The item with one field changed, for each of its fields in turn. */
function variants(item: ListItem): [Field, ListItem][] {
	return (Object.keys(item) as Field[]).map((field) => {
		const change = changes[field] as ((value: unknown) => unknown) | undefined;
		// A field added to ListItem needs a change here, or this test would not vary it.
		if (!change) throw new Error(`no change for the list item's "${field}" in changes`);
		return [field, { ...item, [field]: change(item[field]) }];
	});
}

type Render = (item: ListItem) => Promise<string>;
type Key = (item: ListItem) => string;

/** The fields whose change alters what the list shows but leaves the page's key as it was. */
async function uncovered(render: Render, key: Key): Promise<Field[]> {
	const html = await render(listItem);
	const found: Field[] = [];
	for (const [field, changed] of variants(listItem)) {
		if ((await render(changed)) !== html && key(changed) === key(listItem)) found.push(field);
	}
	return found;
}

/** A key that leaves one field out: what a hand-kept key does once a list shows a new field. */
function leavingOut(field: Field, key: Key): Key {
	return (item) => key({ ...item, [field]: listItem[field] });
}

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

const indexPage: ListingPage = {
	href: '/wire/',
	title: 'Wire — The Northgate Herald',
	heading: 'Wire',
	description: 'Reports from the wire.',
	reports: [],
	feed: '/wire/rss.xml',
};
const reportPage = { entry: { digest: 'a1b2c3', filePath: 'content/wire/2026/11/talks.md' } };

/** Each list of reports a page shows, with the key of the page it is on. */
const lists: { name: string; render: Render; key: Key }[] = [
	{
		name: "an index page's list (ReportList)",
		render: (item) => container.renderToString(ReportList, { props: { items: [item] } }),
		key: (item) => listingPageKey(indexPage, [item], []),
	},
	{
		name: 'Recent posts on an index page',
		render: (item) =>
			container.renderToString(RecentPosts, { props: { items: [item], pageLang: 'en-GB' } }),
		key: (item) => listingPageKey(indexPage, [], [item]),
	},
	{
		name: 'Recent posts on a report page',
		render: (item) =>
			container.renderToString(RecentPosts, { props: { items: [item], pageLang: 'en-GB' } }),
		key: (item) => reportPageKey(reportPage, [item]),
	},
	{
		name: 'the link to the previous report (ReportNav)',
		render: (item) =>
			container.renderToString(ReportNav, {
				props: { older: item, pageLang: 'en-GB', sectionName: 'Wire' },
			}),
		key: (item) => reportPageKey(reportPage, [], item),
	},
	{
		name: 'the link to the next report (ReportNav)',
		render: (item) =>
			container.renderToString(ReportNav, {
				props: { newer: item, pageLang: 'en-GB', sectionName: 'Wire' },
			}),
		key: (item) => reportPageKey(reportPage, [], undefined, item),
	},
];

describe('list items and cache keys', () => {
	test.each(lists)("$name: every value it shows is in its page's cache key", async (list) => {
		expect(await uncovered(list.render, list.key)).toEqual([]);
	});

	test('every field of a list item is shown by some list, which a key without it gets wrong', async () => {
		const fields = Object.keys(listItem) as Field[];
		const shown = new Set<Field>();
		for (const field of fields)
			for (const list of lists)
				if ((await uncovered(list.render, leavingOut(field, list.key))).includes(field))
					shown.add(field);
		// A field no list shows does not belong in the list item: it only makes keys change.
		expect(fields.filter((field) => !shown.has(field))).toEqual([]);
	});
});
