import { FILING_KEYS } from '../../lib/desk-config.ts';
import { parseReportDate } from '../../lib/dates.ts';
import { filingMonth, headlineSlug, newReportId, randomIdPart } from '../../lib/new-report.ts';
import { checkReportText } from '../../lib/report-problems.ts';
import { createReportSchema } from '../../lib/report-schema.ts';
import { parseSourcesFile } from '../../lib/sources.ts';
import type { ImmutableMap } from './decap.ts';
import type { DeskData } from './desk-data.ts';
import { reportText } from './report-format.ts';

/**
 * Decap's pre-save step: a new report gets its stable id and the folder and file name
 * `report:new` would give it; then the file about to be saved is checked by the build's own
 * rules for one report, and any problem stops the save with the same words content:check uses.
 */
export function preSave(desk: DeskData) {
	const sources = parseSourcesFile(desk.sourcesText, 'content/sources.yaml').directory;
	const schema = createReportSchema({
		sources,
		sections: desk.sections,
		timeZone: desk.timeZone,
	});
	return ({ entry }: { entry: ImmutableMap }): ImmutableMap => {
		let data = entry.get('data') as ImmutableMap;
		if (entry.get('newRecord')) {
			const fields = data.toJS();
			const date =
				(typeof fields.date === 'string'
					? parseReportDate(fields.date, desk.timeZone)?.date
					: undefined) ?? new Date();
			const source = sources.find(typeof fields.source === 'string' ? fields.source : '');
			const id =
				typeof fields.id === 'string' && fields.id.trim()
					? fields.id.trim()
					: newReportId(source?.slug ?? 'report', date, desk.timeZone, randomIdPart());
			const { year, month } = filingMonth(date, desk.timeZone);
			data = data
				.set('id', id)
				.set(
					FILING_KEYS.slug,
					headlineSlug(typeof fields.title === 'string' ? fields.title : '') ?? id,
				)
				.set(FILING_KEYS.year, year)
				.set(FILING_KEYS.month, month);
		}
		const path =
			typeof entry.get('path') === 'string' ? String(entry.get('path')) : 'the new report';
		const { problems } = checkReportText(reportText(data.toJS(), desk), path, schema);
		const messages = problems
			.filter((problem) => problem.severity === 'error')
			.map((problem) => `${problem.field}: ${problem.message}`);
		if (messages.length > 0) throw new Error(messages.join('; '));
		return data;
	};
}
