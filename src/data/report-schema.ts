import { createReportSchema } from '../lib/report-schema.ts';
import { site } from '../site.config.ts';
import { sourceDirectory } from './source-directory.ts';

/** The site's section slugs; the first is the default. */
export const sectionSlugs = site.sections.map((section) => section.slug);

/**
 * The report schema of this site: the content collection's and the desk's. Built once: a
 * schema function (Astro's `({ image }) => …`) would be rebuilt for every entry, which cost
 * seconds per 10,000 reports. Images beside a report are resolved by the page.
 */
export const reportSchema = createReportSchema({
	sources: sourceDirectory,
	sections: sectionSlugs,
	timeZone: site.timeZone,
});
