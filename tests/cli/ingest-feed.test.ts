import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { runScript } from '../helpers/cli.ts';
import { report, tempProject, type TempProject } from '../helpers/project.ts';

let project: TempProject | undefined;
afterEach(async () => {
	await project?.remove();
	project = undefined;
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Quay Wire</title><link>https://quay.example.com/</link><description>Wire</description>
<item>
	<title>Dock workers &amp; owners agree "final" deal</title>
	<link>https://quay.example.com/2026/11/20/deal</link>
	<guid>https://quay.example.com/2026/11/20/deal</guid>
	<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
	<description>Both sides signed on Friday.</description>
	<content:encoded><![CDATA[<p>The <strong>deal</strong> ends a week of stoppages.<script>alert('x')</script></p>
<p><img src="https://quay.example.com/dock.jpg" onerror="alert('img')" alt="The dock"> <a href="javascript:alert(1)">bad link</a></p>
<ul><li>Pay rises</li><li>Shorter shifts</li></ul>]]></content:encoded>
</item>
<item>
	<title>Second item</title>
	<link>https://quay.example.com/2026/11/21/second</link>
	<pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate>
	<description><![CDATA[<p>Only a <em>description</em>.</p>]]></description>
</item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
	<title>Quay Wire (Atom)</title><id>urn:quay</id><updated>2026-11-22T10:00:00Z</updated>
	<entry>
		<title>Atom report on tides</title>
		<link rel="alternate" href="https://quay.example.com/2026/11/22/tides"/>
		<id>urn:quay:tides</id>
		<updated>2026-11-22T10:00:00Z</updated>
		<summary>Tides were high.</summary>
		<content type="html">&lt;p&gt;Tides were &lt;b&gt;high&lt;/b&gt;.&lt;/p&gt;</content>
	</entry>
</feed>`;

async function drafts(root: string): Promise<string[]> {
	const entries = await readdir(join(root, 'content'), { recursive: true });
	return entries
		.filter((entry) => entry.endsWith('.md'))
		.map((entry) => `content/${entry}`)
		.sort();
}

describe('feed:ingest', () => {
	test('--help explains the command', async () => {
		const result = await runScript('ingest-feed.ts', ['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/RSS 2\.0 or Atom/);
	});

	test('an RSS and an Atom feed: N drafts on the first run, none on the second', async () => {
		project = await tempProject({ 'feeds/quay.xml': RSS, 'feeds/quay.atom': ATOM });
		const root = project.root;
		const first = await runScript('ingest-feed.ts', [
			join(root, 'feeds/quay.xml'),
			'--source',
			'Quay Wire',
			'--root',
			root,
		]);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('wrote 2 drafts, skipped 0');
		const atom = await runScript('ingest-feed.ts', [
			join(root, 'feeds/quay.atom'),
			'--source',
			'quay-wire',
			'--root',
			root,
		]);
		expect(atom.stdout).toContain('wrote 1 draft, skipped 0');
		expect(await drafts(root)).toEqual([
			'content/wire/2026/11/atom-report-on-tides.md',
			'content/wire/2026/11/dock-workers-and-owners-agree-final-deal.md',
			'content/wire/2026/11/second-item.md',
		]);
		const again = await runScript('ingest-feed.ts', [
			join(root, 'feeds/quay.xml'),
			'--source',
			'Quay Wire',
			'--root',
			root,
		]);
		expect(again.code).toBe(0);
		expect(again.stdout).toContain(
			'skipped https://quay.example.com/2026/11/20/deal: already filed in content/wire/2026/11/dock-workers-and-owners-agree-final-deal.md',
		);
		expect(again.stdout).toContain('Nothing new');
		expect(await drafts(root)).toHaveLength(3);
		// Every draft passes the editor's check.
		expect((await runScript('check-content.ts', ['--root', root])).code).toBe(0);
	});

	test('a draft has the item title, url, date, summary and a sanitised Markdown body', async () => {
		project = await tempProject({ 'feeds/quay.xml': RSS });
		await runScript('ingest-feed.ts', [
			join(project.root, 'feeds/quay.xml'),
			'--source',
			'Quay Wire',
			'--root',
			project.root,
		]);
		const text = await project.read(
			'content/wire/2026/11/dock-workers-and-owners-agree-final-deal.md',
		);
		const { data, body } = parseFrontmatter(text);
		expect(data).toMatchObject({
			title: 'Dock workers & owners agree "final" deal',
			source: 'Quay Wire',
			url: 'https://quay.example.com/2026/11/20/deal',
			date: '2026-11-20T09:00:00+01:00',
			summary: 'Both sides signed on Friday.',
			draft: true,
		});
		expect(body).toContain('The **deal** ends a week of stoppages.');
		expect(body).toContain('![The dock](https://quay.example.com/dock.jpg)');
		expect(body).toContain('- Pay rises');
		expect(text).not.toMatch(/<script|alert|onerror|javascript:/i);
	});

	test("a draft's file name gets -2 only when its own section already uses the address", async () => {
		project = await tempProject({
			'feeds/quay.xml': RSS,
			'content/business-wire/2025/01/dock-workers-and-owners-agree-final-deal.md': report({
				section: 'business-wire',
				url: 'https://quay.example.com/elsewhere/1',
			}),
			'content/wire/2025/02/Second Item.md': report({
				url: 'https://quay.example.com/elsewhere/2',
			}),
		});
		const result = await runScript('ingest-feed.ts', [
			join(project.root, 'feeds/quay.xml'),
			'--source',
			'Quay Wire',
			'--root',
			project.root,
		]);
		expect(result.code).toBe(0);
		expect(await drafts(project.root)).toEqual([
			'content/business-wire/2025/01/dock-workers-and-owners-agree-final-deal.md',
			'content/wire/2025/02/Second Item.md',
			'content/wire/2026/11/dock-workers-and-owners-agree-final-deal.md',
			'content/wire/2026/11/second-item-2.md',
		]);
	});

	test('--dry-run writes nothing; an unknown agency is refused', async () => {
		project = await tempProject({ 'feeds/quay.xml': RSS });
		const dry = await runScript('ingest-feed.ts', [
			join(project.root, 'feeds/quay.xml'),
			'--source',
			'Quay Wire',
			'--root',
			project.root,
			'--dry-run',
		]);
		expect(dry.stdout).toContain('would write 2 drafts');
		expect(await drafts(project.root)).toEqual([]);
		const unknown = await runScript('ingest-feed.ts', [
			join(project.root, 'feeds/quay.xml'),
			'--source',
			'Quay Wyre',
			'--root',
			project.root,
		]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('unknown source "Quay Wyre" (did you mean "Quay Wire"?)');
	});
});
