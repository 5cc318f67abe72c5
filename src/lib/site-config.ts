import { z } from 'zod';
import { fillLabel } from './labels.ts';

/** True when `timeZone` is an IANA zone this runtime knows, e.g. "Europe/Berlin". */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** True when `tag` is a well-formed BCP 47 language tag, e.g. "fa" or "en-GB". */
export function isLanguageTag(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

// Addresses the site itself uses; a section cannot take them.
const RESERVED_SLUGS = [
	'sources',
	'tags',
	'page',
	'search',
	'admin',
	'recent.json',
	'rss.xml',
	'_astro',
];

const sectionSchema = z.strictObject({
	/** URL segment of the section, e.g. "wire" → /wire/. */
	slug: slug.refine(
		(value) => !RESERVED_SLUGS.includes(value),
		`must not be one of ${RESERVED_SLUGS.join(', ')}`,
	),
	/** Name shown to readers, e.g. "Wire". */
	name: z.string().min(1),
	/** The republishing disclaimer shown on every report of the section. */
	disclaimer: z.string().min(1),
});

/**
 * Where the web desk (/admin/) commits reports in production. Without it the desk works only
 * against the local proxy of `npm run desk`. See docs/desk.md for each host's sign-in.
 */
const deskSchema = z.strictObject({
	/**
	 * The git host: Decap CMS's backend of that name. Gitea is not offered: Decap's Gitea
	 * backend has no editorial workflow, so reports would reach the branch unreviewed.
	 */
	backend: z.enum(['github', 'gitlab', 'forgejo']),
	/** The repository, "owner/name". */
	repo: z.string().regex(/^[^/\s]+\/[^\s]+$/, 'must be "owner/name"'),
	/** The branch the site is built from; the desk's reviewed changes are merged into it. */
	branch: z.string().min(1).default('main'),
	/**
	 * Where editors sign in, as an origin: GitHub's OAuth client (see docs/desk.md), or a
	 * self-hosted GitLab or Forgejo.
	 */
	authBaseUrl: z.url({ protocol: /^https$/ }).optional(),
	/** The path of that client's sign-in endpoint, if not Decap's default "auth". */
	authEndpoint: z.string().min(1).optional(),
	/** GitLab and Forgejo: the OAuth application's id; editors sign in with PKCE, no server. */
	appId: z.string().min(1).optional(),
	/** A self-hosted GitLab's or Forgejo's API, e.g. "https://git.example.org/api/v1". */
	apiRoot: z.url({ protocol: /^https$/ }).optional(),
});

/** Words the site itself shows around reports, in the site's `locale`. */
const labelFields = z.strictObject({
	skipToContent: z.string().default('Skip to content'),
	/** Name of the header's navigation (sections, agencies, tags), on every page. */
	siteNav: z.string().default('Site'),
	/** Name of the front page's links to each section's index. */
	sectionsNav: z.string().default('Sections'),
	source: z.string().default('Source:'),
	originalReport: z.string().default('Original report:'),
	originalHeadline: z.string().default('Original headline:'),
	credit: z.string().default('Credit'),
	updated: z.string().default('Updated'),
	/** The label of each correction notice on a report page and in its feed items. */
	correction: z.string().default('Correction'),
	/** Name of the group of correction notices on a report page. */
	corrections: z.string().default('Corrections'),
	/** What a withdrawn report's address says; `{date}` is the withdrawal's date. */
	withdrawnNotice: z.string().default('This report was withdrawn on {date}.'),
	/** The editor's reason, under the withdrawal notice. */
	withdrawnReason: z.string().default('Reason: {reason}'),
	/** What a report's address says once its licence has run out; `{date}` is its `expires`. */
	expiredNotice: z
		.string()
		.default('This report was taken down on {date}: our licence to republish it has ended.'),
	/** Heading of the page at a report's earlier address, which sends the reader on. */
	moved: z.string().default('This report has moved'),
	byline: z.string().default('By {author}'),
	tags: z.string().default('Tags'),
	aboutSection: z.string().default('About this section'),
	latestReports: z.string().default('Latest reports'),
	recentPosts: z.string().default('Recent posts'),
	olderReports: z.string().default('Older reports'),
	newerReports: z.string().default('Newer reports'),
	previousReport: z.string().default('Previous report'),
	nextReport: z.string().default('Next report'),
	sources: z.string().default('Sources'),
	sourcesIntro: z.string().default('The news agencies whose reports this site republishes.'),
	tagsIntro: z.string().default('Topics of the reports on this site.'),
	taggedTitle: z.string().default('Reports tagged “{tag}”'),
	sourceTitle: z.string().default('Reports from {source}'),
	sourceHomepage: z.string().default('Agency website'),
	reportCount: z.string().default('{count} reports'),
	reportCountOne: z.string().default('1 report'),
	archiveRange: z.string().default('Reports from {range}'),
	draftBanner: z
		.string()
		.default('Draft: this report is not published and appears only in the local preview.'),
	search: z.string().default('Search'),
	/** Name of the header's search form, on every page. */
	siteSearch: z.string().default('Site search'),
	/** Label of the search box, and name of the search page's own search form. */
	searchLabel: z.string().default('Search reports'),
	searchIntro: z.string().default('Search the text of every report on this site.'),
	searchNeedsScript: z.string().default('Search runs in your browser and needs JavaScript.'),
	searchNoResults: z.string().default('No reports match “{query}”.'),
	searchResults: z.string().default('{count} reports match “{query}”.'),
	searchResultsOne: z.string().default('1 report matches “{query}”.'),
	notFoundTitle: z.string().default('Page not found'),
	notFoundText: z
		.string()
		.default('There is no page at this address. It may have been moved or taken down.'),
});

// Both of each pair name a landmark of one page (the front page; /search/): a screen-reader
// user cannot tell two landmarks of one kind and one name apart.
const labelsSchema = labelFields
	.refine((labels) => labels.siteNav !== labels.sectionsNav, {
		message: 'must differ from siteNav',
		path: ['sectionsNav'],
	})
	.refine((labels) => labels.siteSearch !== labels.searchLabel, {
		message: 'must differ from siteSearch',
		path: ['searchLabel'],
	});

/** Schema of the one site config (`src/site.config.ts`). */
export const siteConfigSchema = z
	.strictObject({
		/** Site name, shown in the header, titles and feeds. */
		name: z.string().min(1),
		/** One line about the site, for the front page's meta description. */
		description: z.string().min(1),
		/** Production origin without a trailing slash, e.g. "https://news.example.org". */
		url: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
		/** Language of the site's own text and the default `lang` of a report (BCP 47). */
		locale: z.string().refine(isLanguageTag, 'must be a BCP 47 language tag such as "en-GB"'),
		/** IANA time zone in which dates are shown and offset-less dates are read. */
		timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "Europe/Berlin"'),
		/** The sections; the first is the default for reports that name none. */
		sections: z.array(sectionSchema).min(1),
		/** Reports per index page. */
		pageSize: z.int().min(1).default(20),
		/** Items in the "Recent posts" list. */
		recentCount: z.int().min(1).default(6),
		/** Items in each RSS feed. */
		feedSize: z.int().min(1).default(50),
		/** After this many days a time is shown as a date only, not as "2 days ago". */
		relativeTimeDays: z.number().min(0).default(7),
		/**
		 * How the search index is split (see src/search/shards.ts): each full block of
		 * `archiveShardSize` reports, oldest first, is one part that never changes again; newer
		 * reports go in parts of `recentShardSize`, so a publish re-indexes only a small part.
		 */
		search: z
			.strictObject({
				recentShardSize: z.int().min(1).default(500),
				archiveShardSize: z.int().min(1).default(5_000),
			})
			.refine((sizes) => sizes.archiveShardSize % sizes.recentShardSize === 0, {
				message: 'archiveShardSize must be a multiple of recentShardSize',
			})
			.prefault({}),
		/** The web desk's git host; absent, the desk works only with `npm run desk`. */
		desk: deskSchema.optional(),
		/** The site's own words (labels, navigation); English by default. */
		labels: labelsSchema.prefault({}),
	})
	.refine(
		(config) =>
			new Set(config.sections.map((section) => section.slug)).size === config.sections.length,
		{ message: 'section slugs must be unique', path: ['sections'] },
	);

/** The site config as written in `src/site.config.ts`. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** The site config after validation and defaults. */
export type SiteConfig = z.output<typeof siteConfigSchema>;
/** Where the web desk commits. */
export type DeskSettings = z.output<typeof deskSchema>;
/** One section of the site. */
export type Section = z.output<typeof sectionSchema>;

/**
 * Validates the site config and fills in defaults; throws a readable error on a mistake.
 * @example defineSiteConfig({ name: 'Herald', … }).pageSize // => 20
 */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
	const result = siteConfigSchema.safeParse(input);
	if (!result.success) {
		const lines = result.error.issues.map(
			(issue) => `  ${issue.path.join('.') || '(config)'}: ${issue.message}`,
		);
		throw new Error(`src/site.config.ts has ${lines.length} problem(s):\n${lines.join('\n')}`);
	}
	return result.data;
}

/**
 * "1 report" or "12 reports", from the site's labels.
 * @example reportCountLabel(site.labels, 12) // => '12 reports'
 */
export function reportCountLabel(labels: SiteConfig['labels'], count: number): string {
	return count === 1 ? labels.reportCountOne : fillLabel(labels.reportCount, { count });
}
