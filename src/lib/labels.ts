/**
 * Filling the site's labels, kept free of imports so the browser's scripts (search results)
 * fill them exactly as the pages do, without bundling the config's schema.
 */

/**
 * Fills a label's `{name}` placeholders; a placeholder without a value stays as written.
 * @example fillLabel('Reports tagged “{tag}”', { tag: 'energy' }) // => 'Reports tagged “energy”'
 */
export function fillLabel(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) =>
		name in values ? String(values[name]) : match,
	);
}

/**
 * A label split around one placeholder, so a page can put markup (a `<time>`) in its place;
 * without the placeholder the whole label comes first.
 * @example splitLabel('Withdrawn on {date}.', 'date') // => ['Withdrawn on ', '.']
 */
export function splitLabel(template: string, name: string): [before: string, after: string] {
	const at = template.indexOf(`{${name}}`);
	return at === -1 ? [template, ''] : [template.slice(0, at), template.slice(at + name.length + 2)];
}
