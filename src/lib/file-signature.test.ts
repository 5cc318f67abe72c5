import { statSync, utimesSync, writeFileSync, renameSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileSignature, type FileStatus } from './file-signature.ts';

const NS = 1_000_000_000n;
const written: FileStatus = {
	dev: 2049n,
	ino: 131n,
	size: 2400n,
	mtimeNs: 1_700_000_000n * NS,
	ctimeNs: 1_700_000_000n * NS,
};
const later = written.ctimeNs + 60n * NS;

describe('fileSignature', () => {
	test('is the same for a file that was not written between two looks', () => {
		expect(fileSignature(written, later)).toBe(fileSignature({ ...written }, later + NS));
	});

	test.each([
		['a new size', { size: 2401n }],
		['a new modification time', { mtimeNs: written.mtimeNs + 1n }],
		['a modification time set back, which moves the change time', { ctimeNs: later - 5n * NS }],
		['another file renamed over it', { ino: 132n }],
		['the same path on another file system', { dev: 2050n }],
	])('differs after %s', (_, change) => {
		expect(fileSignature({ ...written, ...change }, later)).not.toBe(fileSignature(written, later));
	});

	test('is withheld for a file written under two seconds ago, which a write in the same tick could leave unchanged', () => {
		expect(fileSignature(written, written.mtimeNs + NS)).toBeUndefined();
		expect(fileSignature({ ...written, ctimeNs: later - NS }, later)).toBeUndefined();
		expect(fileSignature(written, written.mtimeNs + 2n * NS)).toBeDefined();
	});

	test('tells a report saved again with a restored modification time from the one read before', () => {
		const folder = mkdtempSync(join(tmpdir(), 'wiredesk-signature-'));
		const file = join(folder, 'report.md');
		writeFileSync(file, 'title: Ferries run\n');
		utimesSync(file, new Date('2026-01-01'), new Date('2026-01-01'));
		const before = fileSignature(statSync(file, { bigint: true }), later * 2n);
		// An editor's tool writes the same number of bytes and puts the old time back.
		writeFileSync(`${file}.new`, 'title: Ferries ran\n');
		utimesSync(`${file}.new`, new Date('2026-01-01'), new Date('2026-01-01'));
		renameSync(`${file}.new`, file);
		expect(fileSignature(statSync(file, { bigint: true }), later * 2n)).not.toBe(before);
	});
});
