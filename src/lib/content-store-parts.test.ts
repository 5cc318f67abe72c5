import { describe, expect, it } from 'vitest';
import { readPartsFromDisk } from './content-store-parts.ts';

// The code Astro 7 generates for a chunked store of one collection in two parts.
const ASTRO_MODULE =
	'export default{"reports":[(await import("astro:data-layer-content-chunk:1f5ab2637314f70e.txt")),(await import("astro:data-layer-content-chunk:c94d6c5fac2359a4.txt"))]}';

describe('readPartsFromDisk', () => {
	it('reads every part of the store from its file when the module runs', () => {
		const { code, parts } = readPartsFromDisk(
			ASTRO_MODULE,
			'/site/node_modules/.astro/data-store/',
		);
		expect(parts).toBe(2);
		expect(code).not.toContain('import(');
		expect(code).toContain(
			`readFileSync("/site/node_modules/.astro/data-store/1f5ab2637314f70e.txt",'utf8')`,
		);
		expect(code).toContain(
			`readFileSync("/site/node_modules/.astro/data-store/c94d6c5fac2359a4.txt",'utf8')`,
		);
	});

	it('gives the store reader the same value a part module would', async () => {
		const { code } = readPartsFromDisk(ASTRO_MODULE, '/store/');
		const files: Record<string, string> = {
			'/store/1f5ab2637314f70e.txt': 'first part\n',
			'/store/c94d6c5fac2359a4.txt': 'second part\n',
		};
		const body = code.replace("import{readFileSync}from'node:fs';export default", 'return ');
		const run = new Function('readFileSync', body) as (read: (path: string) => string) => {
			reports: { default: string }[];
		};
		expect(run((path) => files[path] ?? '')).toEqual({
			reports: [{ default: 'first part\n' }, { default: 'second part\n' }],
		});
	});

	it('leaves a store without parts alone', () => {
		expect(readPartsFromDisk('export default new Map()', '/store/')).toEqual({
			code: 'export default new Map()',
			parts: 0,
		});
	});

	it('stops the build when Astro imports parts in a way it does not know', () => {
		const changed =
			'export default{"reports":[import("astro:data-layer-content-chunk:1f5ab2637314f70e.txt")]}';
		expect(() => readPartsFromDisk(changed, '/store/')).toThrow(
			/imports its parts in a way wiredesk does not know/,
		);
	});
});
