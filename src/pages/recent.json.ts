import type { APIRoute } from 'astro';
import { getReports } from '../data/reports.ts';
import { listItemOf } from '../lib/list-item.ts';
import { toRecentJson } from '../lib/recent.ts';
import { site } from '../site.config.ts';

/** The newest reports for the Recent posts list, fetched by the reader's browser. */
export const GET: APIRoute = async () => {
	// One extra, so a report page that leaves itself out still shows a full list.
	const reports = (await getReports()).slice(0, site.recentCount + 1);
	return new Response(toRecentJson(reports.map(listItemOf), site.timeZone), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
