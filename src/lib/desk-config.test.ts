import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { fromWallClock, wallClock } from './dates.ts';
import {
	DeskFieldError,
	deskConfig,
	deskConnectOrigins,
	optionalObjectFields,
	type DeskField,
} from './desk-config.ts';
import { reportFields } from './report-problems.ts';
import type { ReportSchema } from './report-schema.ts';
import { testSchema, testSite, testSources } from './test-fixtures.ts';

const configFor = (schema: ReportSchema = testSchema, site = testSite) =>
	deskConfig({
		schema,
		site,
		sources: testSources,
		tags: ['energy', 'Shipping', 'energy'],
		languages: ['fa'],
	});

const fieldsOf = (schema: ReportSchema = testSchema) =>
	configFor(schema).collections[0]?.fields ?? [];

/** Every field name the desk offers, nested ones as "image.alt". */
function deskNames(fields: readonly DeskField[], prefix = ''): string[] {
	return fields.flatMap((field) => [
		`${prefix}${field.name}`,
		...deskNames(field.fields ?? [], `${prefix}${field.name}.`),
	]);
}

/** Every field name the schema has, read from the schema itself. */
function schemaNames(shape: Record<string, z.core.$ZodType>, prefix = ''): string[] {
	const unwrap = (schema: z.core.$ZodType): z.core.$ZodType => {
		const def = schema._zod.def as {
			type: string;
			innerType?: z.core.$ZodType;
			in?: z.core.$ZodType;
			element?: z.core.$ZodType;
		};
		if (def.innerType) return unwrap(def.innerType);
		if (def.type === 'pipe' && def.in) return unwrap(def.in);
		if (def.type === 'array' && def.element) return unwrap(def.element);
		return schema;
	};
	return Object.entries(shape).flatMap(([name, schema]) => {
		const inner = unwrap(schema) as unknown as { shape?: Record<string, z.core.$ZodType> };
		return [
			`${prefix}${name}`,
			...(inner.shape ? schemaNames(inner.shape, `${prefix}${name}.`) : []),
		];
	});
}

describe('the desk config', () => {
	test('offers every field of the report schema, nested ones included, and the body', () => {
		const offered = deskNames(fieldsOf());
		expect(offered).toEqual([...schemaNames(testSchema.shape), 'body']);
	});

	test('fails, naming the field, when the schema gains a field the desk cannot offer', () => {
		const unlabelled = testSchema.extend({ embargo: z.string().optional() });
		expect(() => fieldsOf(unlabelled as unknown as ReportSchema)).toThrow(DeskFieldError);
		expect(() => fieldsOf(unlabelled as unknown as ReportSchema)).toThrow(/"embargo"/);
		// A labelled field of a kind the desk knows is offered without a change here.
		const labelled = testSchema.extend({
			embargo: z.string().optional().meta({ title: 'Embargo note', description: 'Why.' }),
		});
		expect(deskNames(fieldsOf(labelled as unknown as ReportSchema))).toContain('embargo');
	});

	test('gives each field its label, hint and required flag from the schema', () => {
		const fields = new Map(fieldsOf().map((field) => [field.name, field]));
		expect(fields.get('title')).toMatchObject({
			label: 'Headline',
			required: true,
			widget: 'string',
		});
		expect(fields.get('summary')).toMatchObject({
			label: 'Summary',
			required: false,
			widget: 'text',
		});
		expect(fields.get('url')?.hint).toMatch(/http/);
		expect(fields.get('date')).toMatchObject({
			widget: 'wiredesk-date',
			time_zone: 'Europe/Berlin',
		});
	});

	test('offers the agencies, the sections and languages as choices, and the tags in use', () => {
		const fields = new Map(fieldsOf().map((field) => [field.name, field]));
		expect(fields.get('source')?.options).toEqual([
			{ label: 'Quay Wire', value: 'Quay Wire' },
			{ label: 'Southern Desk & Co', value: 'Southern Desk & Co' },
			{ label: 'Quiet Agency', value: 'Quiet Agency' },
		]);
		expect(fields.get('section')).toMatchObject({
			widget: 'select',
			default: 'wire',
			options: [
				{ label: 'Wire', value: 'wire' },
				{ label: 'Business wire', value: 'business-wire' },
			],
		});
		expect(fields.get('lang')?.options).toContainEqual({ label: 'Persian (fa)', value: 'fa' });
		expect(fields.get('tags')?.field?.suggestions).toEqual(['energy', 'Shipping']);
	});

	test('asks for alt text and a credit with every image, and offers optional objects as one-item lists', () => {
		const image = fieldsOf().find((field) => field.name === 'image');
		expect(image).toMatchObject({ widget: 'list', max: 1, required: false });
		const parts = new Map(image?.fields?.map((field) => [field.name, field.required]));
		expect(parts.get('alt')).toBe(true);
		expect(parts.get('credit')).toBe(true);
		expect(optionalObjectFields(testSchema)).toEqual(['image', 'withdrawn']);
	});

	test('refuses in the desk what the build refuses in addresses', () => {
		const url = fieldsOf().find((field) => field.name === 'url');
		const pattern = new RegExp(url?.pattern?.[0] ?? '');
		expect(pattern.test('https://quay.example.com/a')).toBe(true);
		expect(pattern.test('javascript:alert(1)')).toBe(false);
		expect(pattern.test('data:text/html,x')).toBe(false);
	});

	test('files new reports where report:new does, through the editorial workflow', () => {
		const config = configFor();
		expect(config.publish_mode).toBe('editorial_workflow');
		expect(config.collections[0]).toMatchObject({
			folder: 'content',
			extension: 'md',
			path: '{{section}}/{{filedyear}}/{{filedmonth}}/{{slug}}',
			delete: false,
		});
		expect(reportFields(testSchema).slice(0, 4)).toEqual(['title', 'source', 'url', 'date']);
	});

	test('signs in to the configured git host, or works with the local proxy alone', () => {
		expect(configFor().backend).toEqual({
			name: 'proxy',
			proxy_url: 'http://localhost:8081/api/v1',
			branch: 'main',
		});
		const gitlab = {
			...testSite,
			desk: { backend: 'gitlab' as const, repo: 'desk/wire', branch: 'main', appId: 'abc' },
		};
		expect(configFor(testSchema, gitlab).backend).toEqual({
			name: 'gitlab',
			repo: 'desk/wire',
			branch: 'main',
			app_id: 'abc',
			auth_type: 'pkce',
		});
		expect(deskConnectOrigins(gitlab.desk)).toEqual([
			'http://localhost:8081',
			'https://gitlab.com',
		]);
	});
});

describe('dates in the desk', () => {
	test('are shown in the site zone and written with its offset', () => {
		expect(wallClock('2026-11-04T08:15:00Z', 'Europe/Berlin')).toBe('2026-11-04T09:15');
		expect(wallClock('2026-11-19 16:10', 'Europe/Berlin')).toBe('2026-11-19T16:10');
		expect(wallClock('next Tuesday', 'Europe/Berlin')).toBeUndefined();
		expect(fromWallClock('2026-11-04T09:15', 'Europe/Berlin')).toBe('2026-11-04T09:15:00+01:00');
		expect(fromWallClock('2026-07-04T09:15', 'Europe/Berlin')).toBe('2026-07-04T09:15:00+02:00');
		expect(fromWallClock('', 'Europe/Berlin')).toBe('');
	});
});
