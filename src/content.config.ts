import { defineCollection } from 'astro:content';
import { createReportSchema } from './lib/report-schema.ts';
import { sourceDirectory } from './data/source-directory.ts';
import { reportLoader } from './data/report-loader.ts';
import { site } from './site.config.ts';

const context = {
	sources: sourceDirectory,
	sections: site.sections.map((section) => section.slug),
	timeZone: site.timeZone,
};

/** One Markdown file per report under content/, validated by the shared schema. */
const reports = defineCollection({
	loader: reportLoader({ base: './content', schema: createReportSchema(context) }),
	// Images beside a report go through Astro's image pipeline (sizes, modern formats).
	schema: ({ image }) => createReportSchema({ ...context, localImage: image() }),
});

export const collections = { reports };
