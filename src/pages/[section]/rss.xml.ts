import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../data/feeds.ts';
import type { FeedSpec } from '../../lib/feed.ts';

/** Each section's feed. */
export const getStaticPaths = (() => feedPaths('section', 'section')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => feedResponse((props as { spec: FeedSpec }).spec);
