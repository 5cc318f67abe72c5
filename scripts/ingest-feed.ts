import { readFile } from 'node:fs/promises';
import { parseFeed } from '@rowanmanning/feed-parser';
import { storyKey } from '../src/lib/content-check.ts';
import { isoWithOffset } from '../src/lib/dates.ts';
import { cutAtWord, plainText } from '../src/lib/excerpt.ts';
import { htmlToMarkdown } from '../src/lib/html-to-markdown.ts';
import { isHttpUrl } from '../src/lib/http-url.ts';
import { headlineSlug, newReportId, reportFilePath, reportMarkdown } from '../src/lib/new-report.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { checkReportText } from '../src/lib/report-problems.ts';
import { reportIdFromPath, reportSlug } from '../src/lib/urls.ts';
import { site } from '../src/site.config.ts';
import { parseCommandLine, randomPart, runCommand, UsageError, writeNewFile } from './lib/cli.ts';
import { filedStories, openProject, reportSchemaFor } from './lib/project.ts';

const HELP = `Usage: npm run feed:ingest -- FEED --source AGENCY [options]

Reads an agency's RSS 2.0 or Atom feed (a file or an http(s) URL) and files one draft
report per item not filed yet (matched by the original URL): title, url, date, summary and
the item's HTML as sanitised Markdown. Safe to run again: filed items are skipped.
Review each draft, then remove "draft: true" to publish it.

  FEED              path or URL of the feed
  --source AGENCY   the agency's name or slug from content/sources.yaml (required)
  --section SLUG    section for the drafts (default: ${site.sections[0]?.slug})
  --dry-run         list what would be written, write nothing
  --root DIR        the project folder (default: the current folder)
  --help            show this help`;

async function readFeed(location: string): Promise<string> {
	if (/^https?:\/\//i.test(location)) {
		const response = await fetch(location, { headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1' } });
		if (!response.ok) throw new Error(`${location}: HTTP ${response.status}`);
		return response.text();
	}
	return readFile(location, 'utf8');
}

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: { source: { type: 'string' }, section: { type: 'string' }, 'dry-run': { type: 'boolean' }, root: { type: 'string' }, help: { type: 'boolean' } },
		allowPositionals: true,
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const [location, ...extra] = positionals;
	if (!location || extra.length > 0) throw new UsageError('give exactly one feed file or URL');
	if (!values.source) throw new UsageError('missing --source');
	const project = openProject(values.root);
	const sources = await project.sources();
	const source = sources.directory.find(values.source);
	if (!source) {
		const suggestion = sources.directory.suggest(values.source);
		throw new UsageError(`unknown source "${values.source}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
	}
	const schema = reportSchemaFor(sources);
	const section = values.section ?? site.sections[0]?.slug ?? 'wire';
	const feed = parseFeed(await readFeed(location));
	const files = await project.reportFiles();
	const filed = filedStories(files);
	const addresses = new Set(files.map((file) => `${reportSlug(reportIdFromPath(file.path.slice('content/'.length)))}`));
	const now = new Date();
	let written = 0;
	let skipped = 0;
	let failed = 0;
	for (const item of feed.items) {
		const url = item.url ?? '';
		if (!isHttpUrl(url)) {
			console.log(`skipped "${item.title ?? '(no title)'}": no http(s) link to the original report`);
			skipped += 1;
			continue;
		}
		const already = filed.get(storyKey(url));
		if (already) {
			console.log(`skipped ${url}: already filed in ${already}`);
			skipped += 1;
			continue;
		}
		const date = item.published ?? item.updated ?? now;
		const body = item.content ? htmlToMarkdown(item.content) : item.description ? htmlToMarkdown(item.description) : '';
		const summary = item.content && item.description ? cutAtWord(plainText(htmlToMarkdown(item.description)), 300) : '';
		const title = (item.title ?? '').trim() || cutAtWord(plainText(body), 90) || url;
		const id = newReportId(source.slug, date, site.timeZone, randomPart());
		let slug = headlineSlug(title) ?? id;
		for (let n = 2; addresses.has(slug); n += 1) slug = `${headlineSlug(title) ?? id}-${n}`;
		const path = reportFilePath(section, date, site.timeZone, slug);
		const frontmatter = {
			title,
			source: source.name,
			url,
			date: isoWithOffset(date, site.timeZone),
			...(summary ? { summary } : {}),
			...(values.section ? { section } : {}),
			draft: true,
			id,
		};
		const text = reportMarkdown(frontmatter, body ? `${body}` : '\n');
		const checked = checkReportText(text, path, schema);
		if (!checked.ok) {
			for (const problem of checked.problems) console.error(formatProblem(problem));
			failed += 1;
			continue;
		}
		if (!values['dry-run']) await writeNewFile(project.root, path, text);
		console.log(`${values['dry-run'] ? 'would write' : 'wrote'} ${path} (draft): ${title}`);
		filed.set(storyKey(url), path);
		addresses.add(slug);
		written += 1;
	}
	const verb = values['dry-run'] ? 'would write' : 'wrote';
	if (written === 0 && failed === 0) console.log(`Nothing new: all ${skipped} item${skipped === 1 ? '' : 's'} of the feed are filed or unusable.`);
	else console.log(`${verb} ${written} draft${written === 1 ? '' : 's'}, skipped ${skipped}${failed ? `, ${failed} could not be filed` : ''}. Review the drafts, then remove "draft: true" to publish.`);
	return failed > 0 ? 1 : 0;
}

await runCommand(main, HELP);
