/**
 * The /search/ page: runs the query from ?q= against the Pagefind index built with the site
 * (files in the folder the page names, no server) and lists the matching reports.
 */

import { fillLabel } from '../lib/labels.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
}

interface Pagefind {
	search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
	mergeIndex(bundlePath: string): Promise<void>;
}

/** The excerpt as text with its <mark>s: nothing else of Pagefind's HTML is trusted. */
function excerptNodes(html: string): Node[] {
	const parsed = new DOMParser().parseFromString(html, 'text/html');
	return [...parsed.body.childNodes].map((node) => {
		if (node.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = node.textContent;
			return mark;
		}
		return document.createTextNode(node.textContent ?? '');
	});
}

function resultItem(data: PagefindResultData): HTMLLIElement {
	const item = document.createElement('li');
	const heading = document.createElement('h2');
	heading.className = 'report-list-title';
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.url;
	link.dir = 'auto';
	heading.append(link);
	const excerpt = document.createElement('p');
	excerpt.className = 'report-list-excerpt';
	excerpt.dir = 'auto';
	excerpt.append(...excerptNodes(data.excerpt));
	item.append(heading, excerpt);
	return item;
}

async function run(): Promise<void> {
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	const list = document.querySelector<HTMLElement>('[data-search-results]');
	const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
	const box = document.querySelector<HTMLInputElement>('#search-page-query');
	if (box) box.value = query;
	// The page names the index folder (src/lib/urls.ts); the index comes in parts
	// (src/search/shards.ts), listed in shards.json, and results span all of them.
	const folder = list?.dataset['searchIndex'];
	if (!status || !list || !query || !folder) return;
	const { shards } = (await (await fetch(`${folder}shards.json`)).json()) as {
		shards: string[];
	};
	const [first, ...rest] = shards;
	const pagefind = first
		? ((await import(/* @vite-ignore */ `${folder}${first}/pagefind.js`)) as Pagefind)
		: undefined;
	for (const shard of rest) await pagefind?.mergeIndex(`${folder}${shard}/`);
	const search = (await pagefind?.search(query)) ?? { results: [] };
	const results = await Promise.all(search.results.slice(0, 50).map((result) => result.data()));
	const count = results.length;
	const template =
		count === 0
			? status.dataset['noResults']
			: count === 1
				? status.dataset['resultsOne']
				: status.dataset['results'];
	status.textContent = fillLabel(template ?? '', { count, query });
	list.replaceChildren(...results.map(resultItem));
}

run().catch((error: unknown) => {
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	if (status) status.textContent = String(error);
});
