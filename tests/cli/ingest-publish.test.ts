import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { runScript } from '../helpers/cli.ts';
import { tempProject, type TempProject } from '../helpers/project.ts';
import { buildSite, createFixtureSite, readPage, type FixtureSite } from '../helpers/site.ts';

// Agency copy as it comes: relative links and images, bases given in every way the feeds allow.
const NS =
	'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** RSS 2.0 without xml:base: relative addresses resolve against the item's link. */
const RSS_PLAIN = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${NS}><channel><title>Quay Wire</title><link>https://quay.example.com/</link><description>Wire</description>
<item>
	<title>Dock workers and owners agree deal</title>
	<link>https://quay.example.com/2026/11/20/deal</link>
	<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
	<dc:creator>Ingrid Solvang</dc:creator>
	<description>Both sides signed on Friday.</description>
	<content:encoded><![CDATA[<style>b {color:red}</style><p>The <b>deal</b> ends a week of <a href="../19/stoppages">stoppages</a>.<script>alert('x')</script></p>
<p><img src="photos/dock.jpg" alt="The dock"> <img srcset="photos/crane-640.jpg 640w, photos/crane-1280.jpg 1280w" alt="A crane"></p>
<p><a href="javascript:alert(1)">bad link</a> <img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel"> <a href="#terms">the terms</a></p>]]></content:encoded>
	<media:content url="/media/deal.jpg" medium="image"><media:description>Union and owners shake hands at the quay</media:description></media:content>
</item>
</channel></rss>`;

/** RSS 2.0 with xml:base on the channel, and an image enclosure. */
const RSS_BASE = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${NS}><channel xml:base="https://static.southern.example.net/wire/"><title>Southern Desk</title><link>https://southern.example.net/</link><description>Wire</description>
<item>
	<title>River dredging starts in the delta</title>
	<link>https://southern.example.net/2026/11/21/dredging</link>
	<pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate>
	<author>desk@southern.example.net (Maria Costa)</author>
	<description><![CDATA[<p>Dredgers began at dawn. <img src="img/dredger.jpg" alt="A dredger"> <a href="/maps/delta">Map</a></p>]]></description>
	<enclosure url="img/lead.jpg" type="image/jpeg" length="12345"/>
</item>
</channel></rss>`;

/** Atom with xml:base on the entry (and a media:thumbnail as the only image). */
const ATOM_ENTRY_BASE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Quay Wire</title><id>urn:quay</id><updated>2026-11-22T10:00:00Z</updated>
	<entry xml:base="https://quay.example.com/2026/11/22/">
		<title>Tides reach a ten-year high</title>
		<link rel="alternate" href="tides"/>
		<id>urn:quay:tides</id>
		<updated>2026-11-22T10:00:00Z</updated>
		<author><name>Jon Berg</name></author>
		<media:thumbnail url="charts/tides-small.png"/>
		<content type="html">&lt;p&gt;Water stood &lt;a href="gauges"&gt;high&lt;/a&gt;. &lt;img src="charts/tides.png" alt="Tide chart"&gt;&lt;/p&gt;</content>
	</entry>
</feed>`;

/** Atom with xml:base on the content element itself. */
const ATOM_CONTENT_BASE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quay Wire</title><id>urn:quay2</id><updated>2026-11-23T10:00:00Z</updated>
	<entry>
		<title>Harbour fees frozen for a year</title>
		<link rel="alternate" href="https://quay.example.com/2026/11/23/fees"/>
		<id>urn:quay:fees</id>
		<updated>2026-11-23T10:00:00Z</updated>
		<content type="html" xml:base="https://cdn.quay.example.com/fees/">&lt;p&gt;See &lt;a href="table.html"&gt;the table&lt;/a&gt;. &lt;img src="../shared/fees.png" alt="Fee table"&gt;&lt;/p&gt;</content>
	</entry>
</feed>`;

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Every link and image address in a Markdown body, and any raw HTML left in it. */
function addressesIn(body: string): { urls: string[]; html: string[] } {
	const urls: string[] = [];
	const html: string[] = [];
	visit(markdown.parse(body), (node: Nodes) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
			urls.push(node.url);
		if (node.type === 'html') html.push(node.value);
	});
	return { urls, html };
}

let project: TempProject | undefined;
let site: FixtureSite | undefined;
afterAll(async () => {
	await project?.remove();
	await site?.remove();
});

describe('feed:ingest drafts publish', () => {
	test(
		'feeds with relative links and images, xml:base, media and <style>: every draft builds with absolute addresses and credited lead images',
		{ timeout: 240_000 },
		async () => {
			project = await tempProject({
				'feeds/plain.xml': RSS_PLAIN,
				'feeds/base.xml': RSS_BASE,
				'feeds/entry.atom': ATOM_ENTRY_BASE,
				'feeds/content.atom': ATOM_CONTENT_BASE,
			});
			const root = project.root;
			const runs = [
				['feeds/plain.xml', 'Quay Wire'],
				['feeds/base.xml', 'Southern Desk & Co'],
				['feeds/entry.atom', 'Quay Wire'],
				['feeds/content.atom', 'Quay Wire'],
			];
			const output: string[] = [];
			for (const [feed, source] of runs) {
				const result = await runScript('ingest-feed.ts', [
					join(root, feed ?? ''),
					'--source',
					source ?? '',
					'--root',
					root,
				]);
				expect(result.stderr).toBe('');
				expect(result.code).toBe(0);
				output.push(result.stdout);
			}
			// What could not be made safe is named, with its item.
			const log = output.join('');
			expect(log).toContain(
				'note: "Dock workers and owners agree deal": dropped the link javascript:alert(1): not an http(s) address (javascript:)',
			);
			expect(log).toContain(
				'note: "Dock workers and owners agree deal": dropped the image data:image/png;base64,iVBORw0KGgo=: not an http(s) address (data:)',
			);

			const files = (await readdir(join(root, 'content'), { recursive: true }))
				.filter((file) => file.endsWith('.md'))
				.sort();
			expect(files).toHaveLength(4);
			const drafts = new Map<string, ReturnType<typeof parseFrontmatter>>();
			for (const file of files)
				drafts.set(file, parseFrontmatter(await project.read(`content/${file}`)));

			// Every link and image is absolute http(s); no raw HTML, no CSS left as text.
			for (const [file, { data, body }] of drafts) {
				const { urls, html } = addressesIn(body);
				for (const url of urls) expect(url, `${file}: ${url}`).toMatch(/^https?:\/\/[^/]/);
				expect(html, file).toEqual([]);
				expect(body, file).not.toMatch(/color:\s*red|alert|javascript:|data:/);
				const image = data['image'] as { src: string; alt: string; credit: string } | undefined;
				if (image) expect(image.src).toMatch(/^https:\/\/[^/]/);
			}

			const draft = (file: string): { data: Record<string, unknown>; body: string } =>
				drafts.get(file) ?? { data: {}, body: '' };
			const deal = draft('wire/2026/11/dock-workers-and-owners-agree-deal.md');
			expect(addressesIn(deal.body).urls).toEqual([
				'https://quay.example.com/2026/11/19/stoppages',
				'https://quay.example.com/2026/11/20/photos/dock.jpg',
				'https://quay.example.com/2026/11/20/photos/crane-1280.jpg',
				'https://quay.example.com/2026/11/20/deal#terms',
			]);
			expect(deal.data['image']).toEqual({
				src: 'https://quay.example.com/media/deal.jpg',
				alt: 'Union and owners shake hands at the quay',
				credit: 'Quay Wire',
			});
			expect(deal.data['author']).toBe('Ingrid Solvang');

			const dredging = draft('wire/2026/11/river-dredging-starts-in-the-delta.md');
			expect(addressesIn(dredging.body).urls).toEqual([
				'https://static.southern.example.net/wire/img/dredger.jpg',
				'https://static.southern.example.net/maps/delta',
			]);
			expect(dredging.data['image']).toEqual({
				src: 'https://static.southern.example.net/wire/img/lead.jpg',
				alt: 'Dredgers began at dawn. Map',
				credit: 'Southern Desk & Co',
			});
			expect(dredging.data['author']).toBe('Maria Costa');

			const tides = draft('wire/2026/11/tides-reach-a-ten-year-high.md');
			expect(tides.data['url']).toBe('https://quay.example.com/2026/11/22/tides');
			expect(addressesIn(tides.body).urls).toEqual([
				'https://quay.example.com/2026/11/22/gauges',
				'https://quay.example.com/2026/11/22/charts/tides.png',
			]);
			// No description anywhere: the headline is the alt text the schema requires.
			expect(tides.data['image']).toEqual({
				src: 'https://quay.example.com/2026/11/22/charts/tides-small.png',
				alt: 'Tides reach a ten-year high',
				credit: 'Quay Wire',
			});

			const fees = draft('wire/2026/11/harbour-fees-frozen-for-a-year.md');
			expect(addressesIn(fees.body).urls).toEqual([
				'https://cdn.quay.example.com/fees/table.html',
				'https://cdn.quay.example.com/shared/fees.png',
			]);

			// Publish every draft, then build the site from exactly this content.
			for (const file of files) {
				const path = join(root, 'content', file);
				const text = await readFile(path, 'utf8');
				expect(text).toContain('\ndraft: true\n');
				await writeFile(path, text.replace('\ndraft: true\n', '\n'));
			}
			expect((await runScript('check-content.ts', ['--root', root])).code).toBe(0);
			site = await createFixtureSite({ contentDir: join(root, 'content') });
			const clock = process.env['SOURCE_DATE_EPOCH'];
			process.env['SOURCE_DATE_EPOCH'] = String(Date.parse('2026-11-24T12:00:00Z') / 1000);
			try {
				await buildSite(site);
			} finally {
				if (clock === undefined) delete process.env['SOURCE_DATE_EPOCH'];
				else process.env['SOURCE_DATE_EPOCH'] = clock;
			}
			const page = await readPage(site, '/wire/dock-workers-and-owners-agree-deal/');
			expect(page).toContain(
				'<img src="https://quay.example.com/media/deal.jpg" alt="Union and owners shake hands at the quay"',
			);
			expect(page).toMatch(/<figcaption>Quay Wire<\/figcaption>/);
			expect(page).toContain('src="https://quay.example.com/2026/11/20/photos/dock.jpg"');
			expect(page).not.toContain('color:red');
			const southern = await readPage(site, '/wire/river-dredging-starts-in-the-delta/');
			expect(southern).toMatch(/<figcaption>Southern Desk &amp; Co<\/figcaption>/);
		},
	);
});
