import { describe, expect, test } from 'vitest';
import { FeedReadError, readFeedItems } from './feed-item.ts';

const FEED_URL = 'https://quay.example.com/feeds/rss.xml';
const NS =
	'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"';

function rss(channelAttributes: string, items: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${NS}><channel ${channelAttributes}><title>Quay Wire</title><link>https://quay.example.com/</link><description>Wire</description>
${items}
</channel></rss>`;
}

function atom(entries: string): string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Quay Wire</title><id>urn:quay</id><updated>2026-11-22T10:00:00Z</updated>
${entries}
</feed>`;
}

const item = (inner: string, attributes = '') =>
	`<item ${attributes}><title>Deal</title><link>https://quay.example.com/2026/11/20/deal</link><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>${inner}</item>`;

describe('readFeedItems: base addresses', () => {
	test('RSS without xml:base: the body resolves against the item link', () => {
		const [first] = readFeedItems(
			rss('', item('<content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>')),
			FEED_URL,
		);
		expect(first?.content).toEqual({
			html: '<p>Hi</p>',
			base: 'https://quay.example.com/2026/11/20/deal',
		});
		expect(first?.link).toBe('https://quay.example.com/2026/11/20/deal');
	});

	test('RSS with xml:base on the channel and on content:encoded: nested bases resolve one inside the other', () => {
		const feed = rss(
			'xml:base="https://static.quay.example.com/wire/"',
			item(
				'<description>Short</description><content:encoded xml:base="photos/"><![CDATA[<p>Hi</p>]]></content:encoded>',
			),
		);
		const [first] = readFeedItems(feed, FEED_URL);
		expect(first?.content?.base).toBe('https://static.quay.example.com/wire/photos/');
		expect(first?.description?.base).toBe('https://static.quay.example.com/wire/');
	});

	test('a relative xml:base resolves against the feed address; the item link is not taken first', () => {
		const [first] = readFeedItems(
			rss('', item('<description>Short</description>', 'xml:base="archive/"')),
			FEED_URL,
		);
		expect(first?.description?.base).toBe('https://quay.example.com/feeds/archive/');
	});

	test('Atom with xml:base on the entry and on the content element', () => {
		const feed = atom(`<entry xml:base="https://quay.example.com/2026/11/22/">
			<title>Tides</title><link rel="alternate" href="tides"/><id>urn:t</id><updated>2026-11-22T10:00:00Z</updated>
			<summary type="html">&lt;p&gt;High&lt;/p&gt;</summary>
			<content type="html" xml:base="https://static.quay.example.com/tides/">&lt;p&gt;Tides&lt;/p&gt;</content>
		</entry>`);
		const [entry] = readFeedItems(feed, FEED_URL);
		expect(entry?.link).toBe('https://quay.example.com/2026/11/22/tides');
		expect(entry?.content?.base).toBe('https://static.quay.example.com/tides/');
		expect(entry?.description?.base).toBe('https://quay.example.com/2026/11/22/');
	});

	test('Atom: media:content before the content element does not hide the body; type="text" is literal text', () => {
		const feed =
			atom(`<entry><title>T</title><link href="https://quay.example.com/t"/><id>urn:t</id><updated>2026-11-22T10:00:00Z</updated>
			<media:content url="https://quay.example.com/v.mp4" type="video/mp4"/>
			<content type="text">5 &lt; 6 &amp; &lt;b&gt;</content></entry>`);
		expect(readFeedItems(feed, FEED_URL)[0]?.content?.html).toBe('5 &lt; 6 &amp; &lt;b&gt;');
	});
});

describe('readFeedItems: lead image and author', () => {
	test('media:content with medium="image" and its media:description', () => {
		const [first] = readFeedItems(
			rss(
				'',
				item(
					'<media:content url="/img/dock.jpg" medium="image"><media:description>Cranes at the quay</media:description></media:content>',
				),
			),
			FEED_URL,
		);
		expect(first?.image).toEqual({
			url: 'https://quay.example.com/img/dock.jpg',
			description: 'Cranes at the quay',
		});
	});

	test('an image enclosure (type image/*), resolved against the item link; audio enclosures are not images', () => {
		const feed = rss(
			'',
			item(
				'<enclosure url="https://quay.example.com/a.mp3" type="audio/mpeg" length="1"/><enclosure url="dock.jpg" type="image/jpeg" length="1"/>',
			),
		);
		expect(readFeedItems(feed, FEED_URL)[0]?.image).toEqual({
			url: 'https://quay.example.com/2026/11/20/dock.jpg',
			description: undefined,
		});
	});

	test('a media:thumbnail when there is no full image; a video is not taken as the image', () => {
		const feed = rss(
			'',
			item(
				'<media:content url="https://quay.example.com/v.mp4" medium="video"><media:thumbnail url="https://quay.example.com/v.jpg"/></media:content>',
			),
		);
		expect(readFeedItems(feed, FEED_URL)[0]?.image?.url).toBe('https://quay.example.com/v.jpg');
	});

	test('no image element: no image', () => {
		expect(readFeedItems(rss('', item('')), FEED_URL)[0]?.image).toBeUndefined();
	});

	test('dc:creator and RSS author ("email (Name)") are the byline; the channel\'s author is not', () => {
		const feed = rss(
			'',
			`${item('<dc:creator>Ingrid Solvang</dc:creator>')}${item('<author>desk@quay.example.com (Jon Berg)</author>')}${item('')}`,
		).replace(
			'<description>Wire</description>',
			'<description>Wire</description><managingEditor>editor@quay.example.com (The Editor)</managingEditor>',
		);
		expect(readFeedItems(feed, FEED_URL).map((entry) => entry.authors)).toEqual([
			['Ingrid Solvang'],
			['Jon Berg'],
			[],
		]);
	});
});

describe('readFeedItems: unreadable feeds', () => {
	test('XML cut short is refused with its reason', () => {
		expect(() => readFeedItems('<rss version="2.0"><channel><item><title>Half', FEED_URL)).toThrow(
			FeedReadError,
		);
		expect(() => readFeedItems('<rss version="2.0"><channel><item><title>Half', FEED_URL)).toThrow(
			/not well-formed XML.*never closed: rss > channel > item/,
		);
	});

	test('well-formed XML that is not a feed is refused', () => {
		expect(() => readFeedItems('<html><body>Not a feed</body></html>', FEED_URL)).toThrow(
			/not an RSS or Atom feed/,
		);
	});
});
