import { deskConfig, optionalObjectFields, reportFieldOrder } from '../lib/desk-config.ts';
import { createReportSchema } from '../lib/report-schema.ts';
import { site } from '../site.config.ts';
import { getReports } from './reports.ts';
import { sourceDirectory } from './source-directory.ts';

const sections = site.sections.map((section) => section.slug);

/** The report schema the desk offers: the build's, for this site. */
export const deskSchema = createReportSchema({
	sources: sourceDirectory,
	sections,
	timeZone: site.timeZone,
});

/** The desk's Decap config, with the tags and languages the published reports use. */
export async function getDeskConfig() {
	const reports = await getReports();
	return deskConfig({
		schema: deskSchema,
		site,
		sources: sourceDirectory,
		tags: reports.flatMap((report) => report.tags.map((tag) => tag.name)),
		languages: reports.map((report) => report.lang),
	});
}

/** The report fields in their documented order, for the desk's writer. */
export const deskFieldOrder = reportFieldOrder(deskSchema);

/** Optional objects, offered by the desk as a list of at most one item. */
export const deskOptionalObjects = optionalObjectFields(deskSchema);

/** Sections by slug, for the desk's check of one report. */
export const deskSections = sections;
