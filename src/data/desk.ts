import { deskConfig, optionalObjectFields } from '../lib/desk-config.ts';
import { reportFields } from '../lib/report-problems.ts';
import { site } from '../site.config.ts';
import { getReports } from './reports.ts';
import { reportSchema } from './report-schema.ts';
import { sourceDirectory } from './source-directory.ts';

/** The desk's Decap config, with the tags and languages the published reports use. */
export async function getDeskConfig() {
	const reports = await getReports();
	return deskConfig({
		schema: reportSchema,
		site,
		sources: sourceDirectory,
		tags: reports.flatMap((report) => report.tags.map((tag) => tag.name)),
		languages: reports.map((report) => report.lang),
	});
}

/** The report fields in their documented order, for the desk's writer. */
export const deskFieldOrder = reportFields(reportSchema);

/** Optional objects, offered by the desk as a list of at most one item. */
export const deskOptionalObjects = optionalObjectFields(reportSchema);
