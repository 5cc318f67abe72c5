import { formatDisplayDate } from '../lib/display-date.ts';
import type { RecentJsonItem as RecentReport } from '../lib/recent.ts';
import { updateRelativeTimes } from './relative-time.ts';

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

// Mirrors RecentPosts.astro; text goes in as text, never as HTML.
function renderItem(report: RecentReport, pageLang: string, timeZone: string): HTMLLIElement {
	const item = element('li', '');
	const title = element('a', 'recent-title', report.title);
	title.href = report.href;
	const excerpt = element('p', 'recent-excerpt', report.excerpt);
	for (const node of [title, excerpt]) {
		node.lang = report.lang;
		node.dir = report.dir;
	}
	const time = element('time', '');
	time.dateTime = report.date;
	time.dataset['relative'] = '';
	const phrase = element('span', 'time-relative');
	phrase.hidden = true;
	time.append(
		phrase,
		element('span', 'time-absolute', formatDisplayDate(new Date(report.date), timeZone, pageLang)),
	);
	const meta = element('p', 'recent-meta');
	meta.append(element('bdi', '', report.source), ' ', time);
	item.append(title, excerpt, meta);
	return item;
}

/** Replaces each Recent posts list with the newest reports, as the reader opens the page. */
async function refresh(list: HTMLElement): Promise<void> {
	const response = await fetch(list.dataset['src'] ?? '/recent.json');
	if (!response.ok) return;
	const reports = (await response.json()) as RecentReport[];
	const count = Number(list.dataset['count'] ?? '6');
	const fresh = reports.filter((report) => report.href !== list.dataset['exclude']).slice(0, count);
	if (fresh.length === 0) return;
	const html = document.documentElement;
	const timeZone = html.dataset['timeZone'] ?? 'UTC';
	list.replaceChildren(...fresh.map((report) => renderItem(report, html.lang || 'en', timeZone)));
	updateRelativeTimes(list);
}

for (const list of document.querySelectorAll<HTMLElement>('[data-recent-list]')) {
	// Without the JSON (offline, blocked) the list built into the page stays.
	refresh(list).catch(() => undefined);
}
