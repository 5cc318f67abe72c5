import { defineCollection } from 'astro:content';
import { sourceDirectory, sourcesProblems } from './data/source-directory.ts';
import { buildNow } from './data/clock.ts';
import { reportLoader } from './data/report-loader.ts';
import { reportSchema as schema, sectionSlugs as sections } from './data/report-schema.ts';
import { site } from './site.config.ts';

// The rules themselves: when the code of src/lib changes, every report is checked again, not
// only the files that changed (a report accepted by older rules may not pass the new ones).
const rules = import.meta.glob<string>(['./lib/*.ts', '!./lib/*.test.ts'], {
	query: '?raw',
	import: 'default',
	eager: true,
});

/** One Markdown file per report under content/, checked by the shared validation. */
const reports = defineCollection({
	loader: reportLoader({
		base: 'content',
		schema,
		timeZone: site.timeZone,
		sections,
		now: buildNow,
		problems: sourcesProblems,
		contextKey: JSON.stringify({
			sources: sourceDirectory.sources,
			sections,
			timeZone: site.timeZone,
			rules,
		}),
	}),
	schema,
});

export const collections = { reports };
