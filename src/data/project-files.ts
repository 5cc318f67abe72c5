import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { ProjectFiles } from '../lib/local-files.ts';

/**
 * The project's files on disk, for the shared content validation: the build's loader and the
 * editor CLIs judge images and local links against the same folder. Answers are cached for
 * the life of the object (one build or one check).
 */
export function diskProjectFiles(root: string): ProjectFiles {
	const isFileCache = new Map<string, boolean>();
	const formatCache = new Map<string, string | undefined>();
	const isFile = (path: string) => {
		let answer = isFileCache.get(path);
		if (answer === undefined) {
			answer = statSync(join(root, path), { throwIfNoEntry: false })?.isFile() ?? false;
			isFileCache.set(path, answer);
		}
		return answer;
	};
	return {
		isFile,
		imageFormat(path) {
			if (formatCache.has(path)) return formatCache.get(path);
			let format: string | undefined;
			try {
				// The same reading of the header Astro's image pipeline does before it optimises.
				format = isFile(path) ? imageSize(readFileSync(join(root, path))).type : undefined;
			} catch {
				format = undefined;
			}
			formatCache.set(path, format);
			return format;
		},
	};
}
