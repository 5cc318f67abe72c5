import { resolveUrl, shortUrl } from '../../src/lib/resolve-url.ts';

/** How far a feed request may go before it is given up. */
export interface FetchLimits {
	/** For the whole request: connecting, every redirect and reading the body. */
	timeoutMs: number;
	/** Largest body read, in bytes (after decompression). */
	maxBytes: number;
	/** Redirects followed before giving up. */
	maxRedirects: number;
}

/** The validators of a feed's last version, for a conditional request. */
export interface Validators {
	etag?: string | undefined;
	lastModified?: string | undefined;
}

/** A feed read over HTTP: a new version with its text, or "unchanged since last time" (304). */
export type FetchedFeed =
	| { changed: true; url: string; text: string; validators: Validators }
	| { changed: false; url: string };

/** A feed that could not be read; the message says why in a few words ("HTTP 500", "no answer within 20 s"). */
export class FeedFetchError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function isHttp(url: string): boolean {
	return /^https?:$/.test(new URL(url).protocol);
}

/** The text of a body: the charset of Content-Type, else of the XML declaration, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string | null): string {
	const declared =
		/charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
		/^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(
			new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
		)?.[1];
	try {
		return new TextDecoder(declared ?? 'utf-8').decode(bytes);
	} catch {
		return new TextDecoder('utf-8').decode(bytes);
	}
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (!response.body) return new Uint8Array();
	const reader = response.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			throw new FeedFetchError(`larger than the ${formatBytes(maxBytes)} limit`);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

/** Bytes as an editor reads them: "5 MB", "512 KB". */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} bytes`;
}

function networkReason(error: unknown, limits: FetchLimits): string {
	if (error instanceof FeedFetchError) return error.message;
	if (
		error instanceof DOMException &&
		(error.name === 'TimeoutError' || error.name === 'AbortError')
	) {
		return `no complete answer within ${limits.timeoutMs / 1000} s`;
	}
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	return `could not connect: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

/**
 * Reads a feed over http(s) within the limits: follows redirects itself (counting them and
 * refusing any that leaves http(s)), sends If-None-Match / If-Modified-Since from `validators`,
 * and returns the text decoded by its declared charset. Throws {@link FeedFetchError}.
 */
export async function fetchFeed(
	url: string,
	limits: FetchLimits,
	validators: Validators = {},
	userAgent = 'wiredesk',
): Promise<FetchedFeed> {
	const signal = AbortSignal.timeout(limits.timeoutMs);
	const headers: Record<string, string> = {
		Accept:
			'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
		'User-Agent': userAgent,
		...(validators.etag ? { 'If-None-Match': validators.etag } : {}),
		...(validators.lastModified ? { 'If-Modified-Since': validators.lastModified } : {}),
	};
	let current = url;
	try {
		for (let redirects = 0; ; redirects += 1) {
			if (!URL.canParse(current) || !isHttp(current))
				throw new FeedFetchError(`not an http(s) address: ${shortUrl(current)}`);
			const response = await fetch(current, { redirect: 'manual', signal, headers });
			if (REDIRECTS.has(response.status)) {
				await response.body?.cancel();
				const location = response.headers.get('location');
				if (!location)
					throw new FeedFetchError(`HTTP ${response.status} redirect without a Location`);
				if (redirects >= limits.maxRedirects)
					throw new FeedFetchError(
						`more than ${limits.maxRedirects} redirects (the last to ${shortUrl(location)})`,
					);
				const next = resolveUrl(location, current);
				if (next === undefined || !isHttp(next))
					throw new FeedFetchError(`redirected to a non-http(s) address: ${shortUrl(location)}`);
				current = next;
				continue;
			}
			if (response.status === 304) {
				await response.body?.cancel();
				return { changed: false, url: current };
			}
			if (!response.ok) {
				await response.body?.cancel();
				throw new FeedFetchError(
					`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
				);
			}
			const length = Number(response.headers.get('content-length'));
			if (length > limits.maxBytes) {
				await response.body?.cancel();
				throw new FeedFetchError(
					`larger than the ${formatBytes(limits.maxBytes)} limit (${formatBytes(length)})`,
				);
			}
			const text = decode(
				await readLimited(response, limits.maxBytes),
				response.headers.get('content-type'),
			);
			const etag = response.headers.get('etag') ?? undefined;
			const lastModified = response.headers.get('last-modified') ?? undefined;
			return { changed: true, url: current, text, validators: { etag, lastModified } };
		}
	} catch (error) {
		throw new FeedFetchError(networkReason(error, limits));
	}
}
