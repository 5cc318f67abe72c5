/** One file in the output folder, as the build found it after writing. */
export interface OutputFile {
	/** Path relative to the output folder, with forward slashes. */
	path: string;
	/** Last modification, in milliseconds since the epoch. */
	modified: number;
}

/** What this build produced or vouched for, to tell it from what an earlier build left. */
export interface OutputRecord {
	/** When this build started writing: anything written since is this build's. */
	startedAt: number;
	/** Files this build reused unchanged from the last one (Astro's skipped pages). */
	kept: ReadonlySet<string>;
	/** Folders owned by another step that prunes them itself (the search index). */
	ownedElsewhere: readonly string[];
}

/**
 * The files an earlier build left in the output folder that this build did not produce: the
 * page of a report that was withdrawn, renamed or turned back into a draft, a list page that no
 * longer exists, an old script bundle. The output folder is kept between builds so unchanged
 * pages are not copied again; these must go, or a withdrawn report would stay online.
 */
export function staleOutputFiles(files: readonly OutputFile[], record: OutputRecord): string[] {
	return files
		.filter((file) => file.modified < record.startedAt && mayBeStale(file.path, record))
		.map((file) => file.path);
}

/** Whether a file could be stale at all, before its time is read: not kept, not owned elsewhere. */
export function mayBeStale(path: string, record: Omit<OutputRecord, 'startedAt'>): boolean {
	return (
		!record.kept.has(path) &&
		!record.ownedElsewhere.some((folder) => path.startsWith(folder.replace(/\/?$/, '/')))
	);
}
