/**
 * A report file's bytes as text. Reports are UTF-8 (a byte-order mark and Windows line ends
 * are fine); anything else would publish "caf�" without a word, so it is refused with the
 * line of the first byte that is not UTF-8.
 */

/** Why a file's bytes are not report text, at the 1-based line of the first bad byte. */
export interface TextProblem {
	line: number;
	message: string;
}

/** The decoded text, or the problem that stops it from being read. */
export type DecodedText = { ok: true; text: string } | { ok: false; problem: TextProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Length of the valid UTF-8 sequence at `index`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
	const first = bytes[index] ?? 0;
	const continuation = (offset: number, min = 0x80, max = 0xbf) => {
		const byte = bytes[index + offset];
		return byte !== undefined && byte >= min && byte <= max;
	};
	if (first < 0x80) return 1;
	if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
	if (first >= 0xe0 && first <= 0xef) {
		// No overlong forms (E0 A0+) and no UTF-16 surrogates (ED 80–9F).
		const second =
			first === 0xe0
				? continuation(1, 0xa0)
				: first === 0xed
					? continuation(1, 0x80, 0x9f)
					: continuation(1);
		return second && continuation(2) ? 3 : 0;
	}
	if (first >= 0xf0 && first <= 0xf4) {
		const second =
			first === 0xf0
				? continuation(1, 0x90)
				: first === 0xf4
					? continuation(1, 0x80, 0x8f)
					: continuation(1);
		return second && continuation(2) && continuation(3) ? 4 : 0;
	}
	return 0;
}

/**
 * Index of the first byte that is not part of valid UTF-8, or -1.
 * @example firstInvalidUtf8(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // => 3
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let index = 0; index < bytes.length;) {
		const length = sequenceLength(bytes, index);
		if (length === 0) return index;
		index += length;
	}
	return -1;
}

function lineAt(bytes: Uint8Array, index: number): number {
	let line = 1;
	for (let at = 0; at < index; at += 1) if (bytes[at] === 0x0a) line += 1;
	return line;
}

/**
 * Decodes a report file: UTF-8, with or without a byte-order mark (removed).
 * @example decodeReportText(new TextEncoder().encode('---\ntitle: Hi\n---\n')) // => { ok: true, text: '---\ntitle: Hi\n---\n' }
 */
export function decodeReportText(bytes: Uint8Array): DecodedText {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return {
			ok: false,
			problem: { line: 1, message: 'the file is saved as UTF-16; save it as UTF-8' },
		};
	}
	try {
		return { ok: true, text: utf8.decode(bytes) };
	} catch {
		const index = firstInvalidUtf8(bytes);
		const byte = bytes[index] ?? 0;
		const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
		// Most stray bytes come from Latin-1 or Windows-1252 editors: say which character was meant.
		const meant =
			byte >= 0xa0 || (byte >= 0x80 && windows1252.decode(Uint8Array.of(byte)) !== '\uFFFD')
				? windows1252.decode(Uint8Array.of(byte))
				: '';
		const guess = meant ? ` (in Latin-1 or Windows-1252 it is "${meant}")` : '';
		return {
			ok: false,
			problem: {
				line: lineAt(bytes, index),
				message: `the file is not UTF-8: byte ${hex}${guess} cannot be read; save the file as UTF-8`,
			},
		};
	}
}

// C0 controls other than tab, line feed and carriage return, and the two non-characters XML
// forbids: an RSS reader refuses a whole feed that holds one.
// eslint-disable-next-line no-control-regex -- these control characters are what it finds.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

/**
 * The first character no page or feed may carry (a control character an agency system left in),
 * with its 1-based line, or undefined.
 * @example forbiddenCharacter('ok\nbad\u000B') // => { line: 2, message: 'control character U+000B cannot be published in a feed; remove it' }
 */
export function forbiddenCharacter(text: string): TextProblem | undefined {
	const match = FORBIDDEN.exec(text);
	if (!match) return undefined;
	const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
	const line = text.slice(0, match.index).split('\n').length;
	return { line, message: `control character U+${code} cannot be published in a feed; remove it` };
}
