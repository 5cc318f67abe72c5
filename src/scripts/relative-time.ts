import { formatRelativeTime, relativeTime } from '../lib/relative-time.ts';

/**
 * Adds "11 hours ago" beside every `<time data-relative>` under `root`, in the page's language,
 * keeping the absolute date visible. Times older than the site's limit stay absolute.
 */
export function updateRelativeTimes(root: ParentNode = document): void {
	const html = document.documentElement;
	const lang = html.lang || 'en';
	const limitDays = Number(html.dataset['relativeDays'] ?? '7');
	const now = Date.now();
	for (const time of root.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
		const phrase = time.querySelector<HTMLElement>('.time-relative');
		if (!phrase) continue;
		const relative = relativeTime(Date.parse(time.dateTime), now, limitDays);
		phrase.textContent = relative ? formatRelativeTime(relative, lang) : '';
		phrase.hidden = !relative;
	}
}

updateRelativeTimes();
// Once a minute is enough for minutes; catch up at once when a backgrounded tab returns.
setInterval(updateRelativeTimes, 60_000);
document.addEventListener('visibilitychange', () => {
	if (document.visibilityState === 'visible') updateRelativeTimes();
});
