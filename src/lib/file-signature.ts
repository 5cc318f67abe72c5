/** The parts of a file's status (`fs.stat` with `bigint: true`) that change when it is written. */
export interface FileStatus {
	dev: bigint;
	ino: bigint;
	size: bigint;
	mtimeNs: bigint;
	ctimeNs: bigint;
}

/**
 * How long after a write a file's times are not trusted to tell it from a later write: a file
 * system may keep times as coarsely as whole seconds (two on FAT), so a write in the same tick
 * as the one recorded would leave them equal.
 */
const SETTLE_NS = 2_000_000_000n;

/**
 * What a file's status says of its bytes: when two signatures of a file are equal, it has not
 * been written between them, so what was derived from its bytes still holds. The change time
 * is in it because tools that restore a modification time (tar, rsync -t, `touch -d`) cannot
 * restore that one; the inode, because a file renamed over another is another file.
 *
 * Undefined for a file written less than two seconds before `now` (nanoseconds since the
 * epoch, taken before the file's status): its next write could fall in the same tick, so it
 * is read again next time. Git trusts its index against "racily clean" files the same way.
 */
export function fileSignature(status: FileStatus, now: bigint): string | undefined {
	if (now - status.mtimeNs < SETTLE_NS || now - status.ctimeNs < SETTLE_NS) return undefined;
	return [status.dev, status.ino, status.size, status.mtimeNs, status.ctimeNs].join(':');
}
