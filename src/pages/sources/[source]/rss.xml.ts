import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedResponse } from '../../../data/feeds.ts';
import type { FeedSpec } from '../../../lib/feed.ts';

/** Each agency's feed. */
export const getStaticPaths = (() => feedPaths('source', 'source')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => feedResponse((props as { spec: FeedSpec }).spec);
