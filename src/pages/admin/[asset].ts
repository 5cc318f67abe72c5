import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { decapFiles, decapFileType, decapFolder } from '../../data/decap-files.ts';

export const getStaticPaths = (() =>
	decapFiles().map((asset) => ({ params: { asset } }))) satisfies GetStaticPaths;

/** One of Decap CMS's files, as its package ships it (the dev server: src/integrations/desk-files.ts). */
export const GET: APIRoute = ({ params }) => {
	const name = String(params.asset);
	return new Response(readFileSync(join(decapFolder, name)), {
		headers: { 'Content-Type': decapFileType(name) },
	});
};
