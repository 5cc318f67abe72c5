// @ts-check
// The plain-Astro baseline of `npm run bench --baseline`: the blog most Astro sites start from
// (content layer, Astro's default Markdown processor, paginate(), @astrojs/rss), with a
// "Recent posts" list on every post. Not part of wiredesk; it is what wiredesk is measured against.
import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://baseline.example.org' });
