import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A static server for a built site on 127.0.0.1, as a CDN would serve it. */
export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/** Serves `dir` on a free port of 127.0.0.1. */
export async function serveStatic(dir: string): Promise<StaticServer> {
	const handler = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const server: Server = createServer((request, response) => handler(request, response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
	};
}
