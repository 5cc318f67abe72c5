import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

export const GET: APIRoute = async (context) => {
	const posts = (await getCollection('posts'))
		.sort((a, b) => b.data.date.valueOf() - a.data.date.valueOf())
		.slice(0, 50);
	return rss({
		title: 'Baseline wire',
		description: 'Baseline',
		site: context.site ?? 'https://baseline.example.org',
		items: posts.map((post) => ({
			title: post.data.title,
			pubDate: post.data.date,
			link: `/${post.id}/`,
			description: post.data.summary ?? '',
		})),
	});
};
