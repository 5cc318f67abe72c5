import type { APIRoute } from 'astro';
import { feedResponse, getFeedSpecs } from '../data/feeds.ts';

/** The whole site's feed. */
export const GET: APIRoute = async () => {
	const [siteFeed] = await getFeedSpecs();
	if (!siteFeed) throw new Error('the site feed is missing');
	return feedResponse(siteFeed);
};
