import type { FiledReport } from '../lib/content-check.ts';
import { takeBodyText } from '../lib/report-body.ts';
import type { NeededFile } from '../lib/report-validation.ts';

/**
 * What the report loader keeps beside each report's rendered HTML, in Astro's store: what the
 * check needs to run again without reading an unchanged file, and what the build derives from
 * the body. Written by the loader only (report-loader.ts); read through the functions below.
 */
export interface ReportMetadata {
	needs: NeededFile[];
	lines: FiledReport['lines'];
	/** The start of the body as the plain text a reader sees: what the excerpt is cut from. */
	bodyText: string;
	/**
	 * The file's signature (src/lib/file-signature.ts) and the rules' digest when its bytes were last
	 * read; while both are the same, the loader does not read the file. Undefined when the file
	 * had just been written.
	 */
	file?: string | undefined;
	/**
	 * The file of the rendered body (src/data/report-html.ts); undefined when the body is in the
	 * store's `rendered.html`, as for a report with images, which Astro's render() resolves.
	 */
	html?: string | undefined;
}

/** Where {@link ReportMetadata} sits in an entry's `rendered.metadata`. */
export const METADATA_KEY = 'wiredeskCheck';

/**
 * The metadata of a report just rendered, and the render's frontmatter without the body text
 * the body plugin left there: the one place that reads it. Throws when the render gave none.
 */
export function metadataOfRender(
	file: string,
	frontmatter: Record<string, unknown>,
	check: Omit<ReportMetadata, 'bodyText'>,
): { metadata: ReportMetadata; frontmatter: Record<string, unknown> } {
	const taken = takeBodyText(frontmatter);
	if (taken.bodyText === undefined)
		throw new Error(
			`${file}: rendering gave no plain text for the excerpt; is reportBodyPlugin among the markdown processor's hastPlugins (astro.config.mjs)?`,
		);
	return { metadata: { ...check, bodyText: taken.bodyText }, frontmatter: taken.frontmatter };
}

/** A stored entry, as far as its metadata goes. */
interface StoredEntry {
	id: string;
	rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}

/**
 * The loader's metadata of a stored entry; `undefined` when it has none or an older loader's
 * without every field (the loader then reads and renders the file again).
 */
export function reportMetadata(entry: StoredEntry): ReportMetadata | undefined {
	const metadata = entry.rendered?.metadata?.[METADATA_KEY] as Partial<ReportMetadata> | undefined;
	return typeof metadata?.bodyText === 'string' && Array.isArray(metadata.needs)
		? (metadata as ReportMetadata)
		: undefined;
}

/**
 * The start of a loaded report's body as plain text, for its excerpt. Throws for an entry
 * without it rather than let the excerpt quietly become the headline.
 */
export function loadedBodyText(entry: StoredEntry): string {
	const metadata = reportMetadata(entry);
	if (!metadata)
		throw new Error(`${entry.id}: no body text in the store; the report loader did not store it`);
	return metadata.bodyText;
}

/** A stored entry with its loader's metadata replaced, the rest as it was. */
export function withMetadata<T extends StoredEntry>(entry: T, metadata: ReportMetadata): T {
	return {
		...entry,
		rendered: {
			...entry.rendered,
			metadata: { ...entry.rendered?.metadata, [METADATA_KEY]: metadata },
		},
	};
}
