import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { decapFiles, decapFileType, decapFolder } from '../data/decap-files.ts';
import { deskHref } from '../lib/urls.ts';

/**
 * Serves Decap CMS's files under /admin/ in `astro dev` (`npm run desk`): Vite takes requests
 * for .js files as its own modules before Astro's routes see them. The build writes them through
 * src/pages/admin/[asset].ts.
 */
export function deskFiles(): AstroIntegration {
	return {
		name: 'wiredesk-desk-files',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const files = new Set(decapFiles());
				server.middlewares.use((request, response, next) => {
					const path = (request.url ?? '').split('?')[0] ?? '';
					const name = path.startsWith(deskHref()) ? path.slice(deskHref().length) : '';
					if (!files.has(name)) return next();
					response.setHeader('Content-Type', decapFileType(name));
					createReadStream(join(decapFolder, name)).pipe(response);
				});
			},
		},
	};
}
