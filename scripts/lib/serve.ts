import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { patternMatches } from '../../src/lib/cdn-headers.ts';

/** A static server for a built site on 127.0.0.1, as a CDN would serve it. */
export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/** The rules of a Netlify / Cloudflare Pages `_headers` file. */
function readHeadersFile(file: string): { pattern: string; headers: [string, string][] }[] {
	const rules: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else {
			const colon = line.indexOf(':');
			rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
		}
	}
	return rules;
}

/** Serves `dir` on a free port of 127.0.0.1, applying its `_headers` file when it has one. */
export async function serveStatic(dir: string): Promise<StaticServer> {
	const handler = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const headersFile = join(dir, '_headers');
	const rules = existsSync(headersFile) ? readHeadersFile(headersFile) : [];
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
		for (const rule of rules) {
			if (patternMatches(rule.pattern, path))
				for (const [name, value] of rule.headers) response.setHeader(name, value);
		}
		handler(request, response, () => {
			response.statusCode = 404;
			response.setHeader('Content-Type', 'text/html; charset=utf-8');
			response.end(
				existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'Not found',
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}
