import type { BodyReference } from './body-references.ts';

/**
 * The project's files as the content check sees them, by project path ("content/wire/a.png",
 * "public/files/a.pdf"). The build and the editor CLIs pass the disk; tests pass a map.
 */
export interface ProjectFiles {
	/** Whether the path names a file. */
	isFile(path: string): boolean;
	/** The image format the build would read in the file ("png", "jpg"…), or undefined. */
	imageFormat(path: string): string | undefined;
}

/** Image formats Astro's image pipeline (sharp) optimises, by the names `image-size` gives. */
export const PROCESSABLE_IMAGE_FORMATS = [
	'jpg',
	'png',
	'webp',
	'avif',
	'gif',
	'svg',
	'tiff',
] as const;
const PROCESSABLE = new Set<string>(PROCESSABLE_IMAGE_FORMATS);

/** File extensions of pages and files the build itself writes, which public/ need not hold. */
const SITE_EXTENSIONS = new Set(['html', 'xml', 'json', 'txt', 'xsl']);

/** What a reference needs to be published as written. */
export interface ReferenceVerdict {
	severity: 'error' | 'warning';
	message: string;
}

/** The result of checking one local file: the verdict, and the project path the page depends on. */
export interface LocalFileCheck {
	verdict?: ReferenceVerdict | undefined;
	/** A project file the published page needs (checked again on every build). */
	needs?: string | undefined;
}

function safeDecode(url: string): string | undefined {
	try {
		return decodeURI(url);
	} catch {
		return undefined;
	}
}

/**
 * A path against a folder, "/"-separated, or undefined when it climbs above the project.
 * @example joinProjectPath('content/wire', '../img/a.png') // => 'content/img/a.png'
 */
export function joinProjectPath(folder: string, path: string): string | undefined {
	const parts = folder.split('/').filter(Boolean);
	for (const part of path.split('/')) {
		if (part === '..') {
			if (parts.length === 0) return undefined;
			parts.pop();
		} else if (part !== '.' && part !== '') {
			parts.push(part);
		}
	}
	return parts.join('/');
}

/** Whether the file holds an image the build can process. */
export function isProcessableImage(path: string, files: ProjectFiles): boolean {
	const format = files.imageFormat(path);
	return format !== undefined && PROCESSABLE.has(format);
}

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();

/**
 * Checks an image file the build will optimise: inside content/, present, and readable as
 * one of {@link PROCESSABLE_IMAGE_FORMATS}.
 */
export function checkProcessedImage(
	src: string,
	reportPath: string,
	files: ProjectFiles,
): LocalFileCheck {
	if (/[?#]/.test(src)) {
		// The build keeps the whole address as the file to import and publishes a broken image.
		return {
			verdict: {
				severity: 'error',
				message: `"${src}": an image beside the report takes no "?" or "#" part; write ${src.split(/[?#]/)[0]}`,
			},
		};
	}
	const decoded = safeDecode(src);
	if (decoded === undefined)
		return {
			verdict: {
				severity: 'error',
				message: `"${src}" is not a readable path: write a lone "%" as "%25"`,
			},
		};
	const folder = reportPath.slice(0, reportPath.lastIndexOf('/'));
	const path = joinProjectPath(folder, decoded);
	if (path === undefined || !path.startsWith('content/')) {
		return {
			verdict: {
				severity: 'error',
				message: `"${src}" leads outside content/; keep images beside the report, or in public/ and write them from the site root (/images/a.jpg)`,
			},
		};
	}
	if (!files.isFile(path))
		return {
			verdict: {
				severity: 'error',
				message: `no file ${path}; put the image there or fix the path`,
			},
		};
	const format = files.imageFormat(path);
	if (format === undefined || !PROCESSABLE.has(format)) {
		const found = format ? `a ${format.toUpperCase()} file` : 'not an image file';
		return {
			verdict: {
				severity: 'error',
				message: `${path} is ${found}; the build processes JPEG, PNG, WebP, AVIF, GIF, SVG and TIFF`,
			},
			needs: path,
		};
	}
	return { needs: path };
}

function checkPublicFile(
	path: string,
	src: string,
	files: ProjectFiles,
	noun: 'image' | 'file',
): LocalFileCheck {
	const decoded = safeDecode(path);
	if (decoded === undefined)
		return {
			verdict: {
				severity: 'error',
				message: `"${src}" is not a readable path: write a lone "%" as "%25"`,
			},
		};
	const file = joinProjectPath('public', decoded);
	if (file === undefined || !file.startsWith('public/'))
		return { verdict: { severity: 'error', message: `"${src}" leads outside public/` } };
	return files.isFile(file)
		? { needs: file }
		: {
				verdict: {
					severity: 'error',
					message: `no file ${file}; put the ${noun} there or fix the path`,
				},
			};
}

const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

/**
 * Judges one link or image of a report body by what the published page would do with it:
 * images beside the report are optimised by the build (so they must exist inside content/
 * and be images it can read), site paths are served from public/, other schemes than
 * http(s) (and mailto for links) are removed by the sanitiser.
 */
export function checkReference(
	reference: BodyReference,
	reportPath: string,
	files: ProjectFiles,
): LocalFileCheck {
	const { url, kind, form } = reference;
	const trimmed = url.trim();
	const path = trimmed.split(/[?#]/)[0] ?? '';
	// The build decodes every image address and stops on one it cannot decode.
	if (kind === 'image' && safeDecode(trimmed) === undefined) {
		return {
			verdict: {
				severity: 'error',
				message: `image "${url}" is not a readable address: write a lone "%" as "%25"`,
			},
		};
	}
	if (
		trimmed === '' ||
		trimmed.startsWith('#') ||
		trimmed.startsWith('?') ||
		trimmed.startsWith('//')
	)
		return {};
	if (hasScheme(trimmed)) {
		const scheme = trimmed.slice(0, trimmed.indexOf(':')).toLowerCase();
		const allowed = kind === 'image' ? ['http', 'https'] : ['http', 'https', 'mailto'];
		if (allowed.includes(scheme)) return {};
		return {
			verdict: {
				severity: 'warning',
				message: `${kind} "${url}" is removed when published: only ${allowed.join(', ')} addresses are kept`,
			},
		};
	}
	if (trimmed.startsWith('/')) {
		if (kind === 'image') return checkPublicFile(path, url, files, 'image');
		// A page of the site (/wire/a/) or a file the build writes (/rss.xml) is not in public/.
		const extension = extensionOf(path);
		return extension && !SITE_EXTENSIONS.has(extension)
			? checkPublicFile(path, url, files, 'file')
			: {};
	}
	if (kind === 'image') {
		if (form !== 'markdown') {
			return {
				verdict: {
					severity: 'error',
					message: `image "${url}" is published unprocessed and cannot load from the report's address: write it as ![description](${url}), or put it in public/ and write it from the site root`,
				},
			};
		}
		return checkProcessedImage(trimmed, reportPath, files);
	}
	// A relative link: the browser reads it against the page's address, not the file's folder.
	const decoded = safeDecode(path) ?? path;
	const folder = reportPath.slice(0, reportPath.lastIndexOf('/'));
	const target = joinProjectPath(folder, decoded);
	if (target !== undefined && files.isFile(target)) {
		const advice = target.endsWith('.md')
			? "link to the report's address (/section/name/), not its file"
			: target.startsWith('public/')
				? `link it from the site root: /${target.slice('public/'.length)}`
				: 'files beside a report are not published; put it in public/ and link it from the site root (/files/name.pdf)';
		return {
			verdict: {
				severity: 'error',
				message: `link "${url}" points at the file ${target}: ${advice}`,
			},
		};
	}
	const extension = extensionOf(decoded);
	if (extension && !SITE_EXTENSIONS.has(extension)) {
		return {
			verdict: {
				severity: 'error',
				message: `link "${url}" names no file${target ? ` (${target})` : ''}; put the file in public/ and link it from the site root`,
			},
		};
	}
	// Without an extension it is a page address relative to the report's (../other-report/).
	return {};
}
