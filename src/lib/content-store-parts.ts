// How Astro's content store module imports the parts of a chunked store
// (`experimental.collectionStorage: 'chunked'`): one dynamic import per part file, whose
// module holds the whole part as a string. Internal to Astro, hence the check below.
const PART_IMPORT = /\(await import\("astro:data-layer-content-chunk:([a-f0-9]{16}\.txt)"\)\)/g;
const ANY_PART_IMPORT = 'astro:data-layer-content-chunk:';

/**
 * Rewrites the code of Astro's content store module so each part is read from `storeFolder`
 * when the module runs, instead of imported as a module: `{ default: <the part's text> }` is the
 * shape Astro's store reader accepts for both. Throws if a part import is left over, which is
 * what a new Astro version that imports parts differently would cause.
 */
export function readPartsFromDisk(
	code: string,
	storeFolder: string,
): { code: string; parts: number } {
	let parts = 0;
	const rewritten = code.replace(PART_IMPORT, (_, part: string) => {
		parts += 1;
		return `{default:readFileSync(${JSON.stringify(storeFolder + part)},'utf8')}`;
	});
	if (rewritten.includes(ANY_PART_IMPORT)) {
		throw new Error(
			`Astro's content store module imports its parts in a way wiredesk does not know (src/lib/content-store-parts.ts): ${code.slice(0, 200)}`,
		);
	}
	return { code: parts > 0 ? `import{readFileSync}from'node:fs';${rewritten}` : code, parts };
}
