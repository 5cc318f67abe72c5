/**
 * `value` resolved against `base` as an absolute URL of any scheme, or undefined when it cannot
 * be read as one (a relative URL with no usable base, or nonsense).
 * @example resolveUrl('../x.png', 'https://a.example/news/item/') // => 'https://a.example/news/x.png'
 */
export function resolveUrl(value: string, base?: string): string | undefined {
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (URL.canParse(trimmed)) return new URL(trimmed).href;
	if (base !== undefined && URL.canParse(trimmed, base)) return new URL(trimmed, base).href;
	return undefined;
}

/**
 * `value` resolved against `base` when that gives an http(s) URL with a host and no user name
 * or password in it; else undefined. The only addresses an ingested draft keeps.
 * @example resolveHttpUrl('/photo.jpg', 'https://a.example/news/') // => 'https://a.example/photo.jpg'
 * @example resolveHttpUrl('javascript:alert(1)', 'https://a.example/') // => undefined
 */
export function resolveHttpUrl(value: string, base?: string): string | undefined {
	const resolved = resolveUrl(value, base);
	if (resolved === undefined) return undefined;
	const url = new URL(resolved);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
	return url.href;
}

/** An address shortened for a message, so a 40 KB data: URL does not flood the output. */
export function shortUrl(value: string, limit = 80): string {
	const oneLine = value.trim().replace(/\s+/g, ' ');
	return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1)}…`;
}

/** One candidate of an `<img srcset>`: its URL and its descriptor ("2x", "640w" or ""). */
export interface SrcsetCandidate {
	url: string;
	descriptor: string;
}

/**
 * The candidates of a `srcset` attribute, as the HTML standard splits them: a URL ends at
 * white space (a comma right after it ends the candidate), the descriptor at the next comma.
 * @example parseSrcset('a.jpg 1x, b.jpg 2x') // => [{ url: 'a.jpg', descriptor: '1x' }, { url: 'b.jpg', descriptor: '2x' }]
 */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
	const candidates: SrcsetCandidate[] = [];
	const pattern = /[\s,]*([^\s]+)/y;
	let position = 0;
	while (position < srcset.length) {
		pattern.lastIndex = position;
		const match = pattern.exec(srcset);
		if (!match?.[1]) break;
		position = pattern.lastIndex;
		let url = match[1];
		let descriptor = '';
		if (/,+$/.test(url)) {
			url = url.replace(/,+$/, '');
		} else {
			const end = srcset.indexOf(',', position);
			descriptor = srcset.slice(position, end === -1 ? srcset.length : end).trim();
			position = end === -1 ? srcset.length : end + 1;
		}
		if (url) candidates.push({ url, descriptor });
	}
	return candidates;
}

/**
 * The candidate a wide screen would load: the largest width ("w") or density ("x"); the first
 * when there are no descriptors.
 * @example largestCandidate(parseSrcset('a.jpg 320w, b.jpg 1280w'))?.url // => 'b.jpg'
 */
export function largestCandidate(
	candidates: readonly SrcsetCandidate[],
): SrcsetCandidate | undefined {
	const size = (candidate: SrcsetCandidate) =>
		Number.parseFloat(candidate.descriptor) || (candidate.descriptor === '' ? 1 : 0);
	return candidates.reduce<SrcsetCandidate | undefined>(
		(best, candidate) => (best === undefined || size(candidate) > size(best) ? candidate : best),
		undefined,
	);
}
