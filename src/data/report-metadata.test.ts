import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { reportBodyFeatures, reportBodyPlugin } from '../lib/report-body.ts';
import {
	loadedBodyText,
	METADATA_KEY,
	metadataOfRender,
	reportMetadata,
} from './report-metadata.ts';

const stored = {
	id: 'wire/2026/11/ferries-run',
	rendered: {
		metadata: { [METADATA_KEY]: { needs: [], lines: {}, bodyText: 'Crews returned.' } },
	},
};

describe('metadataOfRender', () => {
	const check = { needs: [], lines: {} };

	test("moves the body text out of the render's frontmatter into the report's metadata", async () => {
		// Rendered as Astro renders a report: the body plugin leaves the text in the frontmatter.
		const astro = {
			frontmatter: { title: 'Kept' } as Record<string, unknown>,
			headings: [],
			localImagePaths: new Set<string>(),
			remoteImagePaths: new Set<string>(),
		};
		await markdownToHtml('Crews **returned**.', {
			features: reportBodyFeatures,
			hastPlugins: [reportBodyPlugin({ siteUrl: 'https://news.example.org' })],
			data: { astro },
		});
		expect(metadataOfRender('content/wire/a.md', astro.frontmatter, check)).toEqual({
			metadata: { ...check, bodyText: 'Crews returned.' },
			frontmatter: { title: 'Kept' },
		});
	});

	test('stops the build when the render gave no body text, naming the file', () => {
		expect(() => metadataOfRender('content/wire/a.md', {}, check)).toThrow(
			'content/wire/a.md: rendering gave no plain text',
		);
	});
});

describe('loadedBodyText', () => {
	test('gives the body text the loader stored', () => {
		expect(loadedBodyText(stored)).toBe('Crews returned.');
	});

	test('refuses an entry without it, instead of letting the excerpt become the headline', () => {
		expect(() => loadedBodyText({ id: 'wire/2026/11/ferries-run' })).toThrow(
			'wire/2026/11/ferries-run: no body text',
		);
	});
});

describe('reportMetadata', () => {
	test("treats an older loader's metadata without body text as none, so the file is rendered again", () => {
		const older = {
			id: stored.id,
			rendered: { metadata: { [METADATA_KEY]: { needs: [], lines: {} } } },
		};
		expect(reportMetadata(older)).toBeUndefined();
		expect(reportMetadata(stored)?.bodyText).toBe('Crews returned.');
	});
});
