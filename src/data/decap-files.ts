import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Decap CMS as its npm package ships it: the bundle, the parts it loads on demand and its
 * licence notice, served from /admin/ so the desk needs no third-party host.
 */
export const decapFolder = join(
	dirname(createRequire(join(process.cwd(), 'package.json')).resolve('decap-cms/package.json')),
	'dist',
);

const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/;

/** The names of the files the desk serves from Decap's package, sorted. */
export function decapFiles(): string[] {
	return readdirSync(decapFolder)
		.filter((name) => DECAP_FILE.test(name))
		.sort();
}

const TYPES: Record<string, string> = {
	js: 'text/javascript; charset=utf-8',
	txt: 'text/plain; charset=utf-8',
	wasm: 'application/wasm',
};

/** The Content-Type of one of those files. */
export function decapFileType(name: string): string {
	return TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
