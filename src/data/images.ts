import type { ImageMetadata } from 'astro';
import { isPublishedImagePath } from '../lib/report-schema.ts';

// Every image under content/, for Astro's image pipeline. Resolving them here rather than with
// the schema's image() keeps the content schema built once, not once per report.
// Extensions in lower or upper case: the report schema accepts exactly these.
const images = import.meta.glob<{ default: ImageMetadata }>(
	'/content/**/*.{jpg,jpeg,png,webp,avif,gif,svg,JPG,JPEG,PNG,WEBP,AVIF,GIF,SVG}',
);

function normalise(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.' && part !== '') parts.push(part);
	}
	return `/${parts.join('/')}`;
}

/**
 * A report's image for the page: an image file beside the report as Astro image metadata (to be
 * optimised), a public/ path or a URL as it is.
 */
export async function reportImage(
	src: string,
	reportFile: string,
): Promise<ImageMetadata | string> {
	if (isPublishedImagePath(src)) return src;
	const folder = reportFile.slice(0, reportFile.lastIndexOf('/'));
	const load = images[normalise(`${folder}/${src}`)];
	if (!load) throw new Error(`${reportFile}: image.src: no file ${src} beside the report`);
	return (await load()).default;
}
