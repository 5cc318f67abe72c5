import { defineCollection } from 'astro:content';
import { createReportSchema } from './lib/report-schema.ts';
import { sourceDirectory } from './data/source-directory.ts';
import { reportLoader } from './data/report-loader.ts';
import { site } from './site.config.ts';

// Built once: a schema function (Astro's `({ image }) => …`) would be rebuilt for every entry,
// which cost seconds per 10,000 reports. Images beside a report are resolved by the page.
const schema = createReportSchema({
	sources: sourceDirectory,
	sections: site.sections.map((section) => section.slug),
	timeZone: site.timeZone,
});

/** One Markdown file per report under content/, validated by the shared schema. */
const reports = defineCollection({ loader: reportLoader({ base: './content', schema }), schema });

export const collections = { reports };
