import { z } from 'zod';
import type { ReportSchema } from './report-schema.ts';
import type { DeskSettings, SiteConfig } from './site-config.ts';
import type { SourceDirectory } from './sources.ts';

/**
 * The web desk's Decap CMS configuration, generated from the report schema so that the desk
 * offers exactly the fields the build accepts: a field the schema gains appears here with its
 * label and hint, or the generation fails naming it.
 */

/** Where `npm run desk` runs Decap's local proxy; the desk looks for it only on localhost. */
export const DESK_PROXY_URL = 'http://localhost:8081/api/v1';

/** Name of the collection of reports, also part of the desk's branch names (cms/reports/…). */
export const DESK_COLLECTION = 'reports';

/** The file format wiredesk registers with Decap (see src/scripts/desk/report-format.ts). */
export const DESK_FORMAT = 'wiredesk-report';

/**
 * Data keys the desk's pre-save step adds to a new report so Decap files it where `report:new`
 * would; the format never writes them into the file. Lower case without dots: Decap lower-cases
 * its path template and turns dots into dashes before it reads the keys.
 */
export const FILING_KEYS = { slug: 'filedslug', year: 'filedyear', month: 'filedmonth' } as const;

/** Widgets wiredesk registers with Decap (src/scripts/desk/widgets.ts). */
export const DESK_WIDGETS = { date: 'wiredesk-date', tag: 'wiredesk-tag' } as const;

/** Languages offered besides those already used, by BCP 47 tag. */
const COMMON_LANGUAGES = [
	'ar',
	'de',
	'en',
	'es',
	'fa',
	'fr',
	'he',
	'hi',
	'it',
	'ja',
	'nl',
	'pl',
	'pt',
	'ru',
	'sw',
	'tr',
	'uk',
	'ur',
	'zh',
];

/** One field of a Decap collection (the subset wiredesk writes). */
export interface DeskField {
	name: string;
	label: string;
	hint?: string;
	widget: string;
	required?: boolean;
	default?: unknown;
	options?: (string | { label: string; value: string })[];
	pattern?: [string, string];
	fields?: DeskField[];
	field?: DeskField;
	value_type?: 'int';
	max?: number;
	min?: number;
	modes?: string[];
	collapsed?: boolean;
	summary?: string;
	time_zone?: string;
	sanitize_preview?: boolean;
	suggestions?: string[];
}

/** What the desk's configuration is made from. */
export interface DeskConfigInput {
	schema: ReportSchema;
	site: Pick<SiteConfig, 'url' | 'locale' | 'timeZone' | 'sections' | 'desk'>;
	sources: SourceDirectory;
	/** Tags already used by reports, as written. */
	tags: readonly string[];
	/** Languages already used by reports. */
	languages: readonly string[];
}

type AnySchema = z.core.$ZodType;

interface FieldInfo {
	inner: AnySchema;
	required: boolean;
	defaultValue: unknown;
	title?: string | undefined;
	description?: string | undefined;
}

function metaOf(schema: AnySchema): {
	title?: string | undefined;
	description?: string | undefined;
} {
	const meta = z.globalRegistry.get(schema);
	return { title: meta?.title, description: meta?.description };
}

/** The schema under optional/default wrappers and transforms, with its label and default. */
function describe(schema: AnySchema): FieldInfo {
	let current = schema;
	let required = true;
	let defaultValue: unknown;
	let { title, description } = metaOf(schema);
	for (;;) {
		const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
		if (def.type === 'optional' && def.innerType) {
			required = false;
			current = def.innerType;
		} else if (def.type === 'default' && def.innerType) {
			required = false;
			const value = (def as unknown as { defaultValue: unknown }).defaultValue;
			defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
			current = def.innerType;
		} else if (def.type === 'pipe' && def.in) {
			current = def.in;
		} else break;
		const inner = metaOf(current);
		title ??= inner.title;
		description ??= inner.description;
	}
	return { inner: current, required, defaultValue, title, description };
}

const kind = (schema: AnySchema) => schema._zod.def.type;

function isDateField(schema: AnySchema): boolean {
	const def = schema._zod.def as { type: string; options?: AnySchema[] };
	return def.type === 'union' && (def.options ?? []).some((option) => kind(option) === 'date');
}

/** Thrown when the schema has a field the desk does not know how to offer. */
export class DeskFieldError extends Error {}

type Options = NonNullable<DeskField['options']>;

interface Choices {
	source: Options;
	section: Options;
	lang: Options;
	tags: string[];
	timeZone: string;
}

/** The desk's widget for one field; names with a rule of their own come first. */
function deskField(name: string, path: string, schema: AnySchema, choices: Choices): DeskField {
	const info = describe(schema);
	if (!info.title)
		throw new DeskFieldError(
			`the report field "${path}" has no label: give it .meta({ title, description }) in src/lib/report-schema.ts`,
		);
	const base: DeskField = {
		name,
		label: info.title,
		...(info.description ? { hint: info.description } : {}),
		widget: 'string',
		required: info.required,
	};
	const inner = info.inner;
	// The build accepts an image without a credit; the desk asks for one, as the guide does.
	if (path === 'image.credit') base.required = true;
	if (path === 'source') return { ...base, widget: 'select', options: choices.source };
	// Optional as in the file: a report without one is in the first section, and requiring it
	// would make every such report unsaveable until the editor picks one.
	if (path === 'section')
		return { ...base, widget: 'select', options: choices.section, default: info.defaultValue };
	if (path === 'lang') return { ...base, widget: 'select', options: choices.lang };
	if (path === 'url' || path === 'image.src' || path === 'aliases') {
		// The desk refuses what the schema refuses in these; the pull-request check does the rest.
		const patterns: Record<string, [string, string]> = {
			url: ['^https?://[^\\s]+$', 'an http:// or https:// address'],
			'image.src': [
				'^(https?://[^\\s]+|/[^/\\s][^\\s]*|(\\./)?[^\\s/:][^\\s:]*\\.(jpe?g|png|webp|avif|gif|svg|JPE?G|PNG|WEBP|AVIF|GIF|SVG))$',
				'./file.jpg beside the report, /images/file.jpg or an https:// address',
			],
			aliases: ['^/[^\\s]*$', 'a path of this site, e.g. /wire/old-headline/'],
		};
		const pattern = patterns[path] ?? ['', ''];
		const field = { ...base, pattern };
		if (path !== 'aliases') return field;
		return {
			...base,
			widget: 'list',
			field: { ...field, name: 'address', label: 'Earlier address', required: true },
		};
	}
	if (isDateField(inner))
		return { ...base, widget: DESK_WIDGETS.date, time_zone: choices.timeZone };
	switch (kind(inner)) {
		case 'string':
			return path === 'summary' || path === 'corrections.text' || path === 'withdrawn.reason'
				? { ...base, widget: 'text' }
				: base;
		case 'boolean':
			// No default: a report filed in the desk writes `draft` only when the editor sets it.
			return { ...base, widget: 'boolean' };
		case 'number':
		case 'int':
			return { ...base, widget: 'number', value_type: 'int', min: 1 };
		case 'object': {
			const shape = (inner as unknown as { shape: Record<string, AnySchema> }).shape;
			const fields = Object.entries(shape).map(([key, value]) =>
				deskField(key, `${path}.${key}`, value, choices),
			);
			// Decap checks the required fields of an object even when the object is optional and
			// left empty, so an optional one is offered as a list of at most one item (the desk's
			// format writes it back as the object; see optionalObjectFields).
			if (info.required) return { ...base, widget: 'object', fields };
			return { ...base, widget: 'list', max: 1, collapsed: false, fields };
		}
		case 'array': {
			const element = (inner._zod.def as unknown as { element: AnySchema }).element;
			const item = describe(element);
			if (kind(item.inner) === 'object') {
				const shape = (item.inner as unknown as { shape: Record<string, AnySchema> }).shape;
				return {
					...base,
					widget: 'list',
					collapsed: false,
					fields: Object.entries(shape).map(([key, value]) =>
						deskField(key, `${path}.${key}`, value, choices),
					),
				};
			}
			if (path === 'tags')
				return {
					...base,
					widget: 'list',
					field: {
						name: 'tag',
						label: 'Tag',
						widget: DESK_WIDGETS.tag,
						required: true,
						suggestions: choices.tags,
					},
				};
		}
	}
	throw new DeskFieldError(
		`the desk does not know how to offer the report field "${path}" (${kind(inner)}): add a rule for it in src/lib/desk-config.ts`,
	);
}

/** Decap's backend settings for the site's git host, or the local proxy alone. */
function backendOf(desk: DeskSettings | undefined): Record<string, string> {
	if (!desk) return { name: 'proxy', proxy_url: DESK_PROXY_URL, branch: 'main' };
	return {
		name: desk.backend,
		repo: desk.repo,
		branch: desk.branch,
		...(desk.authBaseUrl ? { base_url: desk.authBaseUrl } : {}),
		...(desk.authEndpoint ? { auth_endpoint: desk.authEndpoint } : {}),
		...(desk.appId ? { app_id: desk.appId, auth_type: 'pkce' } : {}),
		...(desk.apiRoot ? { api_root: desk.apiRoot } : {}),
	};
}

/** Origins the desk talks to besides its own: the git host's API and the local proxy. */
export function deskConnectOrigins(desk: DeskSettings | undefined): string[] {
	const origins = [new URL(DESK_PROXY_URL).origin];
	if (desk?.apiRoot) origins.push(new URL(desk.apiRoot).origin);
	else if (desk?.backend === 'github') origins.push('https://api.github.com');
	else if (desk?.backend === 'gitlab') origins.push('https://gitlab.com');
	if (desk?.authBaseUrl) origins.push(new URL(desk.authBaseUrl).origin);
	return [...new Set(origins)];
}

/**
 * Fields that are an optional object in the file and a list of at most one item in the desk
 * (see the object rule of deskField).
 * @example optionalObjectFields(schema) // => ['image', 'withdrawn']
 */
export function optionalObjectFields(schema: ReportSchema): string[] {
	return Object.entries(schema.shape)
		.filter(([, value]) => {
			const info = describe(value as AnySchema);
			return !info.required && kind(info.inner) === 'object';
		})
		.map(([name]) => name);
}

/**
 * The desk's Decap CMS configuration (config.yml), from the report schema and the site.
 * @example deskConfig(input).collections[0].folder // => 'content'
 */
export function deskConfig({ schema, site, sources, tags, languages }: DeskConfigInput) {
	const languageName = new Intl.DisplayNames([site.locale], { type: 'language' });
	const choices: Choices = {
		source: sources.sources.map((source) => ({ label: source.name, value: source.name })),
		section: site.sections.map((section) => ({ label: section.name, value: section.slug })),
		lang: [...new Set([...COMMON_LANGUAGES, ...languages])]
			.sort()
			.map((tag) => ({ label: `${languageName.of(tag) ?? tag} (${tag})`, value: tag })),
		tags: [...new Set(tags)].sort((a, b) => a.localeCompare(b, site.locale)),
		timeZone: site.timeZone,
	};
	const fields = Object.entries(schema.shape).map(([name, value]) =>
		deskField(name, name, value as AnySchema, choices),
	);
	const body: DeskField = {
		name: 'body',
		label: 'Report',
		hint: "The agency's text in Markdown, unchanged but for layout.",
		widget: 'markdown',
		required: true,
		// Raw Markdown first: the rich-text editor rewrites agency copy's Markdown when it saves.
		modes: ['raw', 'rich_text'],
		// Agency copy may hold raw HTML; the preview shows it sanitised, as the page does.
		sanitize_preview: true,
	};
	const { year, month, slug } = FILING_KEYS;
	return {
		backend: backendOf(site.desk),
		local_backend: true,
		publish_mode: 'editorial_workflow',
		site_url: site.url,
		display_url: site.url,
		// Editors' image uploads land where the build publishes them as they are.
		media_folder: 'public/images',
		public_folder: '/images',
		collections: [
			{
				name: DESK_COLLECTION,
				label: 'Reports',
				label_singular: 'Report',
				description: 'One file per report, as npm run report:new files them.',
				folder: 'content',
				extension: 'md',
				format: DESK_FORMAT,
				create: true,
				// A deletion would be a commit straight to the branch, with no review and no check.
				delete: false,
				identifier_field: 'title',
				// Filled in by the desk's pre-save step with the slug rule of report:new.
				slug: `{{${slug}}}`,
				path: `{{section}}/{{${year}}}/{{${month}}}/{{slug}}`,
				summary: '{{title}}',
				sortable_fields: ['date', 'title', 'source'],
				view_groups: [{ label: 'Section', field: 'section' }],
				fields: [...fields, body],
			},
		],
	};
}
