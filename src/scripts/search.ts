/**
 * The /search/ page: runs the query from ?q= against the Pagefind index built with the site
 * (files under /pagefind/, no server) and lists the matching reports.
 */

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: { title?: string };
}

interface Pagefind {
	search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
	mergeIndex(bundlePath: string): Promise<void>;
}

/** The index comes in parts (src/lib/search-shards.ts), listed here; results span all of them. */
const SEARCH_FOLDER = '/pagefind/';

function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) =>
		name in values ? String(values[name]) : match,
	);
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
	if (!status || !list || !query) return;
	const { shards } = (await (await fetch(`${SEARCH_FOLDER}shards.json`)).json()) as {
		shards: string[];
	};
	const [first, ...rest] = shards;
	const pagefind = first
		? ((await import(/* @vite-ignore */ `${SEARCH_FOLDER}${first}/pagefind.js`)) as Pagefind)
		: undefined;
	for (const shard of rest) await pagefind?.mergeIndex(`${SEARCH_FOLDER}${shard}/`);
	const search = (await pagefind?.search(query)) ?? { results: [] };
	const results = await Promise.all(search.results.slice(0, 50).map((result) => result.data()));
	const count = results.length;
	const template =
		count === 0
			? status.dataset['noResults']
			: count === 1
				? status.dataset['resultsOne']
				: status.dataset['results'];
	status.textContent = fill(template ?? '', { count, query });
	list.replaceChildren(...results.map(resultItem));
}

run().catch((error: unknown) => {
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	if (status) status.textContent = String(error);
});
