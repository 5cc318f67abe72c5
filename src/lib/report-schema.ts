import { z } from 'zod';
import { parseReportDate } from './dates.ts';
import { httpUrl, isHttpUrl } from './http-url.ts';
import { isLanguageTag } from './site-config.ts';
import { sitePath } from './urls.ts';
import type { SourceDirectory } from './sources.ts';

/** What the report schema needs to know about the site. */
export interface ReportSchemaContext {
	sources: SourceDirectory;
	/** Section slugs; the first is the default. */
	sections: readonly string[];
	/** IANA zone in which offset-less dates are read. */
	timeZone: string;
}

const required = (what: string) => (issue: { input: unknown }) =>
	issue.input === undefined ? 'is required' : `must be ${what}`;

const text = (what = 'text') =>
	z
		.string({ error: required(what) })
		.trim()
		.min(1, 'must not be empty');

function dateField(timeZone: string) {
	const example = `write it as 2026-11-24T09:30 (read in ${timeZone}) or with an offset, 2026-11-24T09:30+01:00`;
	return z
		.union([z.string(), z.date()], { error: required(`a date; ${example}`) })
		.transform((value, context) => {
			if (value instanceof Date) {
				if (!Number.isNaN(value.getTime())) return value;
			} else {
				const parsed = parseReportDate(value, timeZone);
				if (parsed) return parsed.date;
			}
			context.issues.push({
				code: 'custom',
				input: value,
				message: `cannot read ${JSON.stringify(value instanceof Date ? String(value) : value)} as a date; ${example}`,
			});
			return z.NEVER;
		});
}

/** An image published as it is: an http(s) URL or a path from the site root (public/). */
export function isPublishedImagePath(value: string): boolean {
	return isHttpUrl(value) || /^\/(?!\/)[^\s]*$/.test(value);
}

/** A file beside the report, e.g. "./port.jpg" or "photos/port.jpg". */
export function isRelativeImagePath(value: string): boolean {
	// The page finds these among content/'s images by extension, in lower or upper case.
	return /^(?:\.{1,2}\/)?[^\s/:][^\s:]*\.(?:jpe?g|png|webp|avif|gif|svg|JPE?G|PNG|WEBP|AVIF|GIF|SVG)$/.test(
		value,
	);
}

const imageMessage = (value: unknown) =>
	typeof value === 'string' &&
	/\.(?:jpe?g|png|webp|avif|gif|svg)$/i.test(value) &&
	!value.startsWith('/')
		? `"${value}": write the extension in lower or upper case (rename the file to .${/\.([a-z]+)$/i.exec(value)?.[1]?.toLowerCase()})`
		: 'must be a file beside the report (./port.jpg), a path from the site root (/images/port.jpg) or an http(s) URL';

/**
 * The frontmatter schema of a report, shared by the build and the editor CLIs.
 * Unknown fields are errors, so a misspelt field is never silently dropped.
 */
export function createReportSchema({ sources, sections, timeZone }: ReportSchemaContext) {
	const [defaultSection = 'wire'] = sections;
	return z
		.strictObject({
			/** Headline as published here (may be restyled from the agency's). */
			title: text().meta({
				title: 'Headline',
				description: "The headline as published here; it may be restyled from the agency's.",
			}),
			/** The agency, by its name or slug in content/sources.yaml; becomes the agency's slug. */
			source: z
				.string({ error: required('the name of an agency') })
				.transform((value, context) => {
					const found = sources.find(value);
					if (found) return found.slug;
					if (sources.hasProblem(value)) {
						context.issues.push({
							code: 'custom',
							input: value,
							message: `agency ${JSON.stringify(value)} has a problem in content/sources.yaml; fix it there`,
						});
						return z.NEVER;
					}
					const suggestion = sources.suggest(value);
					const known = sources.sources.map((source) => source.name).join(', ');
					context.issues.push({
						code: 'custom',
						input: value,
						message:
							`unknown source ${JSON.stringify(value)}` +
							(suggestion ? ` (did you mean "${suggestion}"?)` : '') +
							`; known sources: ${known || '(none: add agencies to content/sources.yaml)'}`,
					});
					return z.NEVER;
				})
				.meta({
					title: 'Agency',
					description: 'The news agency whose report this is, from content/sources.yaml.',
				}),
			/** Address of the original report at the agency; http(s) only. */
			url: httpUrl.meta({
				title: 'Original report',
				description: 'The address of the report at the agency: http:// or https:// only.',
			}),
			/** Publication time; without an offset it is read in the site's time zone. */
			date: dateField(timeZone).meta({
				title: 'Published',
				description: "When the report is published here, in the site's time zone.",
			}),
			/** The agency's own headline, shown in the credit when ours is restyled. */
			originalTitle: text().optional().meta({
				title: 'Agency headline',
				description: "The agency's own headline, shown in the credit when ours is restyled.",
			}),
			/** A one- or two-sentence summary; used as the excerpt and meta description. */
			summary: text().optional().meta({
				title: 'Summary',
				description:
					'One or two sentences: the excerpt in lists and the description search engines show.',
			}),
			/** Topic tags; default none. */
			tags: z
				.array(text('a tag'), { error: required('a list of tags, e.g. [energy, europe]') })
				.default([])
				.meta({
					title: 'Tags',
					description: 'Topics of the report; use a tag already in use where one fits.',
				}),
			/** Section slug from the site config; default the first section. */
			section: z
				.string({ error: required('a section slug') })
				.trim()
				.default(defaultSection)
				.refine((value) => sections.includes(value), {
					error: (issue) =>
						`unknown section ${JSON.stringify(issue.input)}; sections: ${sections.join(', ')}`,
				})
				.meta({ title: 'Section', description: 'The section that lists the report.' }),
			/** Byline of the agency's reporter, if credited. */
			author: text().optional().meta({
				title: 'Byline',
				description: "The agency reporter's name, if the agency credits one.",
			}),
			/** Place the report was filed from, e.g. "GENEVA". */
			dateline: text()
				.optional()
				.meta({ title: 'Dateline', description: 'Where the report was filed from, e.g. GENEVA.' }),
			/** A lead image with its alt text and the photographer's or agency's credit. */
			image: z
				.strictObject(
					{
						/** A file beside the report (optimised by the build), a public/ path or an http(s) URL. */
						src: z
							.string({ error: required('an image path or URL') })
							.trim()
							.refine((value) => isPublishedImagePath(value) || isRelativeImagePath(value), {
								error: (issue) => imageMessage(issue.input),
							})
							.meta({
								title: 'Image file',
								description:
									'A file beside the report (./port.jpg), a path from the site root (/images/port.jpg) or an https address.',
							}),
						alt: text('the image described in words for readers who cannot see it').meta({
							title: 'Description (alt text)',
							description: 'The image described in words for readers who cannot see it.',
						}),
						credit: text().optional().meta({
							title: 'Image credit',
							description: 'The photographer or agency, as the credit line shows it.',
						}),
						/** Pixel size of a remote or public/ image, so the page does not shift as it loads. */
						width: z
							.int({ error: required('a whole number of pixels') })
							.positive()
							.optional()
							.meta({
								title: 'Width in pixels',
								description:
									'For a remote or /images/ file, so the page does not shift as it loads.',
							}),
						height: z
							.int({ error: required('a whole number of pixels') })
							.positive()
							.optional()
							.meta({
								title: 'Height in pixels',
								description:
									'For a remote or /images/ file, so the page does not shift as it loads.',
							}),
					},
					{ error: required('an object with src, alt and credit') },
				)
				.optional()
				.meta({
					title: 'Lead image',
					description: 'Shown at the top of the report, with its description and credit.',
				}),
			/** Language of the report (BCP 47, e.g. "fa"); default the site's locale. Sets lang and dir. */
			lang: z
				.string({ error: required('a language tag') })
				.trim()
				.refine(isLanguageTag, 'must be a language tag such as "en", "fa" or "ar"')
				.optional()
				.meta({
					title: 'Language',
					description:
						"Only for a report not in the site's language; Arabic, Persian or Hebrew read right to left.",
				}),
			/** A draft is never published; default false. */
			draft: z
				.boolean({ error: required('true or false') })
				.default(false)
				.meta({ title: 'Draft', description: 'A draft is never published.' }),
			/** When the report was last corrected or updated. */
			updated: dateField(timeZone).optional().meta({
				title: 'Updated',
				description:
					"When the report was last updated; a later correction's date counts by itself.",
			}),
			/** When licensed copy must come down; the report is left out of builds after it. */
			expires: dateField(timeZone).optional().meta({
				title: 'Licence ends',
				description: 'When licensed copy must come down; its address then says so.',
			}),
			/** Corrections shown to readers as a notice, each with its date; default none. */
			corrections: z
				.array(
					z.strictObject(
						{
							/** When the correction was made. */
							date: dateField(timeZone).meta({
								title: 'Corrected on',
								description: "When the correction was made, in the site's time zone.",
							}),
							/** What was corrected: one paragraph of inline Markdown. */
							text: text('the correction in words')
								.refine((value) => !/\n\s*\n/.test(value), {
									error: 'must be one paragraph (no blank line)',
								})
								.meta({
									title: 'Correction',
									description: 'What was corrected, as readers are told, in one paragraph.',
								}),
						},
						{ error: required('a correction: { date, text }') },
					),
					{ error: required('a list of corrections, each { date, text }') },
				)
				.default([])
				.meta({
					title: 'Corrections',
					description: 'Each correction is shown to readers with its date, newest first.',
				}),
			/** A withdrawn report keeps its address with a short notice instead of its body. */
			withdrawn: z
				.strictObject(
					{
						/** When the report was withdrawn. */
						date: dateField(timeZone).meta({
							title: 'Withdrawn on',
							description: "When the report was withdrawn, in the site's time zone.",
						}),
						/** Why, as readers are told. */
						reason: text('the reason, as readers are told').meta({
							title: 'Reason',
							description: 'Why, as readers are told.',
						}),
					},
					{ error: required('{ date, reason }') },
				)
				.optional()
				.meta({
					title: 'Withdrawn',
					description:
						'Only to take the report down: its address keeps a short notice with the reason.',
				}),
			/** Earlier addresses of this report (site paths); each redirects to the current one. */
			aliases: z
				.array(
					z
						.string({ error: required('a site path such as /wire/old-headline/') })
						.trim()
						.transform((value, context) => {
							const path = sitePath(value);
							if (path) return path;
							context.issues.push({
								code: 'custom',
								input: value,
								message: `${JSON.stringify(value)} is not an address of this site: write a path such as /wire/old-headline/`,
							});
							return z.NEVER;
						}),
					{ error: required('a list of earlier addresses, e.g. [/wire/old-headline/]') },
				)
				.default([])
				.meta({
					title: 'Earlier addresses',
					description:
						'Old addresses of this report, e.g. /wire/old-headline/; each sends readers here.',
				}),
			/** A stable identifier that survives a restyled headline or moved URL; feeds use it as guid. */
			id: z
				.string({ error: required('text without spaces') })
				.trim()
				.regex(/^\S{1,200}$/, 'must be 1 to 200 characters without spaces')
				.optional()
				.meta({
					title: 'Stable id',
					description:
						'Set when the report is filed; never change it (feeds know the report by it).',
				}),
		})
		.superRefine(
			(report, context) => {
				// Runs even when another field has a mistake (every problem in one run): fields that
				// did not parse are not Dates and are skipped.
				const isDate = (value: unknown): value is Date => value instanceof Date;
				if (!isDate(report.date)) return;
				if (isDate(report.updated) && report.updated < report.date) {
					context.issues.push({
						code: 'custom',
						path: ['updated'],
						input: report.updated,
						message: 'is earlier than date',
					});
				}
				(Array.isArray(report.corrections) ? report.corrections : []).forEach(
					(correction, index) => {
						if (isDate(correction?.date) && correction.date < report.date) {
							context.issues.push({
								code: 'custom',
								path: ['corrections', index, 'date'],
								input: correction.date,
								message: "is earlier than the report's date",
							});
						}
					},
				);
				if (isDate(report.withdrawn?.date) && report.withdrawn.date < report.date) {
					context.issues.push({
						code: 'custom',
						path: ['withdrawn', 'date'],
						input: report.withdrawn.date,
						message: "is earlier than the report's date",
					});
				}
				if (isDate(report.expires) && report.expires <= report.date) {
					context.issues.push({
						code: 'custom',
						path: ['expires'],
						input: report.expires,
						message: 'is not later than date',
					});
				}
			},
			{ when: () => true },
		);
}

/** The report schema for one site. */
export type ReportSchema = ReturnType<typeof createReportSchema>;
/** A report's frontmatter after validation. */
export type ReportData = z.output<ReportSchema>;
