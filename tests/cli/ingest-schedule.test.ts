import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import { tempProject, type TempProject } from '../helpers/project.ts';

/** A request as the agency's server saw it. */
interface Seen {
	path: string;
	ifNoneMatch: string | undefined;
	ifModifiedSince: string | undefined;
}

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 standing in for the agencies, recording every request. */
async function agencyServer(
	routes: Record<string, Route>,
): Promise<{ base: string; seen: Seen[]; server: Server }> {
	const seen: Seen[] = [];
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		seen.push({
			path,
			ifNoneMatch: request.headers['if-none-match'],
			ifModifiedSince: request.headers['if-modified-since'],
		});
		const route = routes[path];
		if (route) route(request, response);
		else response.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function rss(agency: string, host: string, titles: string[]): string {
	const items = titles
		.map(
			(
				title,
				index,
			) => `<item><title>${title}</title><link>https://${host}/2026/11/2${index}/${index}</link><pubDate>Fri, 2${index} Nov 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>${title}, reported by ${agency}. <img src="photo-${index}.jpg" alt="Photo"></p>]]></description></item>`,
		)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${agency}</title><link>https://${host}/</link><description>Wire</description>${items}</channel></rss>`;
}

const QUAY = rss('Quay Wire', 'quay.example.com', ['Ferries run again', 'Port fees frozen']);
const HARBOUR = rss('Harbour Desk', 'harbour.example.net', ['Lighthouse relit']);
const QUAY_ETAG = '"quay-v1"';
const HARBOUR_MODIFIED = 'Fri, 20 Nov 2026 08:00:00 GMT';

/** An ETag feed: 304 when the client already has this version. */
const etagFeed: Route = (request, response) => {
	if (request.headers['if-none-match'] === QUAY_ETAG)
		return void response.writeHead(304, { ETag: QUAY_ETAG }).end();
	response
		.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: QUAY_ETAG })
		.end(QUAY);
};
/** A Last-Modified feed: 304 when nothing changed since the date the client sends. */
const lastModifiedFeed: Route = (request, response) => {
	if (request.headers['if-modified-since'] === HARBOUR_MODIFIED)
		return void response.writeHead(304).end();
	response
		.writeHead(200, { 'Content-Type': 'application/xml', 'Last-Modified': HARBOUR_MODIFIED })
		.end(HARBOUR);
};

function sourcesYaml(feeds: Record<string, [name: string, path: string]>, base: string): string {
	return Object.entries(feeds)
		.map(
			([slug, [name, path]]) =>
				`${slug}:\n  name: ${name}\n  homepage: https://${slug}.example.org/\n  feed: ${base}${path}\n`,
		)
		.join('');
}

async function drafts(root: string): Promise<string[]> {
	const entries = await readdir(join(root, 'content'), { recursive: true });
	return entries.filter((entry) => entry.endsWith('.md')).sort();
}

let project: TempProject | undefined;
let server: Server | undefined;
afterEach(async () => {
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
	await project?.remove();
	project = undefined;
	server = undefined;
});

describe('feed:ingest --all', () => {
	test('--help describes --all and the limits', async () => {
		const result = await runScript('ingest-feed.ts', ['--help']);
		expect(result.code).toBe(0);
		for (const option of [
			'--all',
			'--timeout SECONDS',
			'--max-size MB',
			'--max-redirects N',
			'--state FILE',
		])
			expect(result.stdout).toContain(option);
	});

	test(
		'twice: the second run asks conditionally and writes nothing; a 500 and a hang are named and the others ingested',
		{ timeout: 60_000 },
		async () => {
			const agencies = await agencyServer({
				'/quay.xml': etagFeed,
				'/harbour.xml': lastModifiedFeed,
				'/southern.xml': (_request, response) => void response.writeHead(500).end('Internal error'),
				// Never answers: only the timeout ends it.
				'/quiet.xml': () => undefined,
			});
			server = agencies.server;
			project = await tempProject();
			const root = project.root;
			await project.write(
				'content/sources.yaml',
				sourcesYaml(
					{
						'quay-wire': ['Quay Wire', '/quay.xml'],
						southern: ['Southern Desk & Co', '/southern.xml'],
						quiet: ['Quiet Agency', '/quiet.xml'],
						harbour: ['Harbour Desk', '/harbour.xml'],
					},
					agencies.base,
				),
			);
			const ingestAll = () =>
				runScript('ingest-feed.ts', ['--all', '--timeout', '1', '--root', root]);

			const first = await ingestAll();
			const firstOutput = first.stdout + first.stderr;
			expect(first.code).toBe(1);
			expect(first.stderr).toContain(
				`Southern Desk & Co: failed: HTTP 500 Internal Server Error (${agencies.base}/southern.xml)`,
			);
			expect(first.stderr).toContain(
				`Quiet Agency: failed: no complete answer within 1 s (${agencies.base}/quiet.xml)`,
			);
			expect(first.stdout).toContain(
				'wrote content/wire/2026/11/ferries-run-again.md (draft): Ferries run again',
			);
			expect(first.stdout).toContain(
				'wrote content/wire/2026/11/lighthouse-relit.md (draft): Lighthouse relit',
			);
			expect(firstOutput).toMatch(
				/4 agency feeds: 2 read, 0 unchanged, 2 failed \(Southern Desk & Co: HTTP 500[^;]*; Quiet Agency: no complete answer within 1 s\)\. Wrote 3 drafts\./,
			);
			expect(await drafts(root)).toEqual([
				'wire/2026/11/ferries-run-again.md',
				'wire/2026/11/lighthouse-relit.md',
				'wire/2026/11/port-fees-frozen.md',
			]);
			// The relative image in the feed became an address under the agency's item link.
			expect(await project.read('content/wire/2026/11/lighthouse-relit.md')).toContain(
				'![Photo](https://harbour.example.net/2026/11/20/photo-0.jpg)',
			);
			const stateFile = join(root, '.wiredesk/ingest-state.json');
			expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({
				version: 1,
				feeds: {
					[`${agencies.base}/harbour.xml`]: { lastModified: HARBOUR_MODIFIED },
					[`${agencies.base}/quay.xml`]: { etag: QUAY_ETAG },
				},
			});
			const stateBefore = await stat(stateFile);
			expect((await runScript('check-content.ts', ['--root', root])).code).toBe(0);

			agencies.seen.length = 0;
			const second = await ingestAll();
			expect(agencies.seen.find((request) => request.path === '/quay.xml')?.ifNoneMatch).toBe(
				QUAY_ETAG,
			);
			expect(
				agencies.seen.find((request) => request.path === '/harbour.xml')?.ifModifiedSince,
			).toBe(HARBOUR_MODIFIED);
			expect(second.stdout).toContain('Quay Wire: unchanged since the last run (HTTP 304)');
			expect(second.stdout).toContain('Harbour Desk: unchanged since the last run (HTTP 304)');
			expect(second.stdout).not.toContain('wrote ');
			expect(second.stderr).toContain('Southern Desk & Co: failed: HTTP 500');
			expect(second.stderr).toContain('Quiet Agency: failed: no complete answer within 1 s');
			expect(second.code).toBe(1);
			expect(await drafts(root)).toHaveLength(3);
			// Nothing changed, so not even the state file was written again.
			expect((await stat(stateFile)).mtimeMs).toBe(stateBefore.mtimeMs);
		},
	);

	test(
		'each kind of failure is named with its reason; redirects within the limit are followed',
		{ timeout: 60_000 },
		async () => {
			const big = rss(
				'Big Agency',
				'big.example.org',
				Array.from({ length: 200 }, (_, index) => `Story number ${index}`),
			);
			const agencies = await agencyServer({
				'/moved.xml': (_request, response) =>
					void response.writeHead(301, { Location: '/moved-again.xml' }).end(),
				'/moved-again.xml': (_request, response) =>
					void response.writeHead(302, { Location: '/quay.xml' }).end(),
				'/quay.xml': etagFeed,
				'/loop.xml': (_request, response) =>
					void response.writeHead(302, { Location: '/loop.xml' }).end(),
				'/to-file.xml': (_request, response) =>
					void response.writeHead(302, { Location: 'file:///etc/passwd' }).end(),
				'/big.xml': (_request, response) =>
					void response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(big),
				'/cut.xml': (_request, response) => void response.writeHead(200).end(QUAY.slice(0, 400)),
				'/page.html': (_request, response) =>
					void response
						.writeHead(200, { 'Content-Type': 'text/html' })
						.end('<html><body>Moved to our app</body></html>'),
			});
			server = agencies.server;
			project = await tempProject();
			await project.write(
				'content/sources.yaml',
				sourcesYaml(
					{
						'quay-wire': ['Quay Wire', '/moved.xml'],
						loop: ['Loop Agency', '/loop.xml'],
						'to-file': ['File Agency', '/to-file.xml'],
						big: ['Big Agency', '/big.xml'],
						cut: ['Cut Agency', '/cut.xml'],
						page: ['Page Agency', '/page.html'],
					},
					agencies.base,
				),
			);
			const result = await runScript('ingest-feed.ts', [
				'--all',
				'--max-redirects',
				'3',
				'--max-size',
				'0.01',
				'--root',
				project.root,
			]);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain('Loop Agency: failed: more than 3 redirects');
			expect(result.stderr).toContain(
				'File Agency: failed: redirected to a non-http(s) address: file:///etc/passwd',
			);
			expect(result.stderr).toContain('Big Agency: failed: larger than the 10.2 KB limit');
			expect(result.stderr).toMatch(/Cut Agency: failed: not well-formed XML \(line \d+\)/);
			expect(result.stderr).toContain('Page Agency: failed: not an RSS or Atom feed');
			expect(result.stdout).toContain(
				'wrote content/wire/2026/11/ferries-run-again.md (draft): Ferries run again',
			);
			expect(agencies.seen.filter((request) => request.path === '/loop.xml')).toHaveLength(4);
			expect(await drafts(project.root)).toEqual([
				'wire/2026/11/ferries-run-again.md',
				'wire/2026/11/port-fees-frozen.md',
			]);
		},
	);

	test('--dry-run reads the feeds but writes no draft and no state', async () => {
		const agencies = await agencyServer({ '/quay.xml': etagFeed });
		server = agencies.server;
		project = await tempProject();
		await project.write(
			'content/sources.yaml',
			sourcesYaml({ 'quay-wire': ['Quay Wire', '/quay.xml'] }, agencies.base),
		);
		const result = await runScript('ingest-feed.ts', [
			'--all',
			'--dry-run',
			'--root',
			project.root,
		]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'would write content/wire/2026/11/ferries-run-again.md (draft)',
		);
		expect(await drafts(project.root)).toEqual([]);
		expect(existsSync(join(project.root, '.wiredesk'))).toBe(false);
	});

	test('a feed in Latin-1 is read by the encoding it declares', async () => {
		const latin1 = Buffer.from(
			rss('Quay Wire', 'quay.example.com', ['Café in Zürich reopens']).replace(
				'encoding="UTF-8"',
				'encoding="ISO-8859-1"',
			),
			'latin1',
		);
		const agencies = await agencyServer({
			'/quay.xml': (_request, response) =>
				void response.writeHead(200, { 'Content-Type': 'application/xml' }).end(latin1),
		});
		server = agencies.server;
		project = await tempProject();
		await project.write(
			'content/sources.yaml',
			sourcesYaml({ 'quay-wire': ['Quay Wire', '/quay.xml'] }, agencies.base),
		);
		const result = await runScript('ingest-feed.ts', ['--all', '--root', project.root]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'wrote content/wire/2026/11/cafe-in-zuerich-reopens.md (draft): Café in Zürich reopens',
		);
	});

	test('a state file that is not one stops the run with what to do', async () => {
		project = await tempProject();
		await project.write('.wiredesk/ingest-state.json', '{"feeds": ');
		const result = await runScript('ingest-feed.ts', ['--all', '--root', project.root]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/ingest-state\.json: not JSON .*; delete it to start afresh/);
		expect(await drafts(project.root)).toEqual([]);
	});

	test('--all with a FEED or a bad limit is a usage mistake', async () => {
		const both = await runScript('ingest-feed.ts', ['--all', 'feed.xml']);
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('--all reads the feeds in content/sources.yaml');
		const badTimeout = await runScript('ingest-feed.ts', ['--all', '--timeout', 'soon']);
		expect(badTimeout.code).toBe(2);
		expect(badTimeout.stderr).toContain('--timeout must be a number above 0 (got "soon")');
	});
});
