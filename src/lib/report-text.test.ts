import { describe, expect, test } from 'vitest';
import { decodeReportText, firstInvalidUtf8, forbiddenCharacter } from './report-text.ts';

const bytes = (...parts: (string | number[])[]) =>
	Buffer.concat(
		parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))),
	);

describe('decodeReportText', () => {
	test('reads UTF-8 and drops a byte-order mark', () => {
		expect(decodeReportText(bytes([0xef, 0xbb, 0xbf], '---\ntitle: Café\n---\n'))).toEqual({
			ok: true,
			text: '---\ntitle: Café\n---\n',
		});
	});

	test('names the line of the first byte that is not UTF-8, and the Latin-1 character it stands for', () => {
		const result = decodeReportText(
			bytes('---\ntitle: ok\nsummary: caf', [0xe9], '\n---\nBody caf', [0xe9], '\n'),
		);
		expect(result).toEqual({
			ok: false,
			problem: {
				line: 3,
				message:
					'the file is not UTF-8: byte 0xE9 (in Latin-1 or Windows-1252 it is "é") cannot be read; save the file as UTF-8',
			},
		});
	});

	test('says so for a file saved as UTF-16', () => {
		const result = decodeReportText(Buffer.from('\uFEFF---\n', 'utf16le'));
		expect(result).toMatchObject({
			ok: false,
			problem: { line: 1, message: expect.stringContaining('UTF-16') },
		});
	});
});

describe('firstInvalidUtf8', () => {
	test('accepts every well-formed sequence and finds overlong, surrogate and truncated ones', () => {
		expect(firstInvalidUtf8(bytes('a é ع 中 😀'))).toBe(-1);
		expect(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf]))).toBe(2);
		expect(firstInvalidUtf8(bytes('ab', [0xed, 0xa0, 0x80]))).toBe(2);
		expect(firstInvalidUtf8(bytes('abc', [0xe2, 0x82]))).toBe(3);
		expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
	});
});

describe('forbiddenCharacter', () => {
	test('finds control characters a feed cannot carry, and lets tabs and line ends through', () => {
		expect(forbiddenCharacter('a\tb\r\nc\n')).toBeUndefined();
		expect(forbiddenCharacter('---\ntitle: Ferries\u000B run\n')).toEqual({
			line: 2,
			message: 'control character U+000B cannot be published in a feed; remove it',
		});
		expect(forbiddenCharacter('x\n\n\u0000')?.line).toBe(3);
	});
});
