import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { httpUrl } from './http-url.ts';
import { issuesToProblems, sortProblems, type ContentProblem } from './problems.ts';
import { lineOfField, readYamlWithLines } from './yaml-lines.ts';

/** How search engines may treat our copy of an agency's reports, as its licence allows. */
export const indexingPolicies = ['index', 'canonical-to-original', 'noindex'] as const;

/** One agency in `content/sources.yaml`, keyed there by its slug. */
export const sourceSchema = z.strictObject({
	/** The agency's name as readers see it in credits, e.g. "Meridian Press Agency". */
	name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty'),
	/** The agency's home page. */
	homepage: httpUrl,
	/** The agency's own RSS or Atom feed; fills RSS `<source url>`. Optional. */
	feed: httpUrl.optional(),
	/**
	 * `index` (default): our copy is indexed and canonical; `canonical-to-original`: our copy
	 * points search engines to the agency's original; `noindex`: our copy is kept out of search.
	 */
	policy: z
		.enum(indexingPolicies, { error: `must be one of ${indexingPolicies.join(', ')}` })
		.default('index'),
});

/** A source agency after validation, with its slug. */
export type Source = z.output<typeof sourceSchema> & { slug: string };

/** All known agencies, found by slug or by name. */
export interface SourceDirectory {
	readonly sources: readonly Source[];
	/** Finds an agency by its name or slug, ignoring case and extra spaces. */
	find(nameOrSlug: string): Source | undefined;
	/** The known name closest to a mistyped one, for "did you mean". */
	suggest(nameOrSlug: string): string | undefined;
	/** Whether the name or slug is in the agencies file but its entry has a problem. */
	hasProblem(nameOrSlug: string): boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function normalise(value: string): string {
	return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Builds the lookup over validated agencies.
 * @example createSourceDirectory([meridian]).find('MERIDIAN PRESS AGENCY')?.slug // => 'meridian-press'
 */
export function createSourceDirectory(
	sources: readonly Source[],
	withProblems: readonly string[] = [],
): SourceDirectory {
	const broken = new Set(withProblems.map(normalise));
	const byKey = new Map<string, Source>();
	for (const source of sources) {
		byKey.set(normalise(source.slug), source);
		byKey.set(normalise(source.name), source);
	}
	const names = sources.map((source) => source.name);
	return {
		sources,
		find: (nameOrSlug) => byKey.get(normalise(nameOrSlug)),
		suggest: (nameOrSlug) => (names.length === 0 ? undefined : closest(nameOrSlug, names)),
		hasProblem: (nameOrSlug) => broken.has(normalise(nameOrSlug)),
	};
}

/** The result of reading `content/sources.yaml`. */
export interface SourcesFile {
	directory: SourceDirectory;
	problems: ContentProblem[];
}

/**
 * Reads the agencies file: a YAML map from slug to {name, homepage, feed, policy}.
 * Every problem is returned with its line; valid agencies are kept.
 */
export function parseSourcesFile(text: string, file: string): SourcesFile {
	// The same reader and limits as report frontmatter: editors write both.
	const yaml = readYamlWithLines(text, {
		firstLine: 1,
		name: 'the agencies file',
		tooLongAdvice: 'keep only what credits and links need in it',
	});
	const problems: ContentProblem[] = [];
	const problem = (line: number, field: string, message: string) =>
		problems.push({ file, line, field, message, severity: 'error' });
	for (const { line, message } of yaml.problems) problem(line, '(yaml)', message);
	const sources: Source[] = [];
	if (yaml.problems.length > 0) return { directory: createSourceDirectory(sources), problems };
	const data = yaml.value;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		problem(1, '(file)', 'must be a map from agency slug to its name, homepage, feed and policy');
		return { directory: createSourceDirectory(sources), problems };
	}
	const names = new Map<string, string>();
	// Agencies whose entry has a problem: reports naming them are told so, not "unknown source".
	const broken: string[] = [];
	for (const { key: slug, line: keyLine } of yaml.keys) {
		if (!SLUG.test(slug)) {
			problem(
				keyLine,
				slug || '(key)',
				'agency slug must be lowercase letters, digits and single hyphens',
			);
			continue;
		}
		const entry = (data as Record<string, unknown>)[slug];
		const result = sourceSchema.safeParse(entry ?? null);
		if (!result.success) {
			problems.push(
				...issuesToProblems(
					result.error.issues,
					file,
					yaml.lines,
					Object.keys(sourceSchema.shape),
					[slug],
				),
			);
			const name = (entry as { name?: unknown } | null | undefined)?.name;
			broken.push(slug, ...(typeof name === 'string' ? [name] : []));
			continue;
		}
		const other = names.get(normalise(result.data.name));
		if (other) {
			problem(
				lineOfField(yaml.lines, `${slug}.name`),
				`${slug}.name`,
				`"${result.data.name}" is already the name of ${other}`,
			);
			continue;
		}
		names.set(normalise(result.data.name), slug);
		sources.push({ ...result.data, slug });
	}
	return { directory: createSourceDirectory(sources, broken), problems: sortProblems(problems) };
}
