import { FILING_KEYS } from '../../lib/desk-config.ts';
import { readReportFile, writeReportFile } from '../../lib/report-writer.ts';
import type { Formatter } from './decap.ts';

/**
 * The file as it was read, carried in the entry's data: Decap hands a format only the data
 * when it saves, and the writer needs the original text to change nothing else.
 */
const ORIGINAL_TEXT = '__wiredeskOriginalText';

/** Data keys that are the desk's own bookkeeping, never frontmatter. */
const DESK_KEYS = new Set<string>([ORIGINAL_TEXT, ...Object.values(FILING_KEYS)]);

/**
 * The report format: frontmatter read and written by wiredesk's own writer, which keeps the
 * documented field order and leaves every line the editor did not change as it was.
 */
export function reportFormat(layout: ReportLayout): Formatter {
	return {
		fromFile(text) {
			const { data, body } = readReportFile(text);
			const entry: Record<string, unknown> = { ...data, body, [ORIGINAL_TEXT]: text };
			for (const key of layout.optionalObjects) {
				const value = entry[key];
				if (value && typeof value === 'object' && !Array.isArray(value)) entry[key] = [value];
			}
			return entry;
		},
		toFile(entryData) {
			return reportText(entryData, layout);
		},
	};
}

/** How the desk's entries differ from the file: the field order and the one-item lists. */
export interface ReportLayout {
	fieldOrder: readonly string[];
	/** Optional objects, which the desk offers as a list of at most one item. */
	optionalObjects: readonly string[];
}

/** The file an entry's data makes (also what the pre-save check reads). */
export function reportText(entryData: Record<string, unknown>, layout: ReportLayout): string {
	const data: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(entryData)) {
		if (key === 'body' || DESK_KEYS.has(key)) continue;
		data[key] = layout.optionalObjects.includes(key) && Array.isArray(value) ? value[0] : value;
	}
	const original = entryData[ORIGINAL_TEXT];
	const body = typeof entryData.body === 'string' ? entryData.body : '';
	return writeReportFile({ data, body }, typeof original === 'string' ? original : undefined, {
		fieldOrder: layout.fieldOrder,
	});
}
