import { z } from 'zod';

/**
 * True for an absolute http:// or https:// URL with a host: the only links we publish
 * from frontmatter (no javascript:, data: or relative URLs).
 * @example isHttpUrl('javascript:alert(1)') // => false
 */
export function isHttpUrl(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** A required http(s) URL field with an editor-readable message. */
export const httpUrl = z
	.string({
		error: (issue) =>
			issue.input === undefined ? 'is required' : 'must be text: an http:// or https:// URL',
	})
	.trim()
	.refine(isHttpUrl, {
		error: (issue) => `must be an http:// or https:// URL (got ${JSON.stringify(issue.input)})`,
	});
