import { describe, expect, test } from 'vitest';
import { defineSiteConfig, type SiteConfigInput } from './site-config.ts';

const base: SiteConfigInput = {
	name: 'Herald',
	description: 'News.',
	url: 'https://news.example.org/',
	locale: 'en-GB',
	timeZone: 'Europe/Berlin',
	sections: [{ slug: 'wire', name: 'Wire', disclaimer: 'From agencies.' }],
};

describe('defineSiteConfig', () => {
	test('fills defaults and trims the trailing slash of the URL', () => {
		const site = defineSiteConfig(base);
		expect(site.url).toBe('https://news.example.org');
		expect(site.pageSize).toBe(20);
		expect(site.recentCount).toBe(6);
		expect(site.labels.source).toBe('Source:');
	});

	test('refuses one name for two landmarks of one page', () => {
		expect(() => defineSiteConfig({ ...base, labels: { siteNav: 'Sections' } })).toThrow(
			/labels\.sectionsNav: must differ from siteNav/,
		);
		expect(() => defineSiteConfig({ ...base, labels: { siteSearch: 'Search reports' } })).toThrow(
			/labels\.searchLabel: must differ from siteSearch/,
		);
		expect(defineSiteConfig({ ...base, labels: { siteNav: 'Navigation' } }).labels).toMatchObject({
			siteNav: 'Navigation',
			sectionsNav: 'Sections',
		});
	});

	test('lists every mistake', () => {
		expect(() =>
			defineSiteConfig({
				...base,
				timeZone: 'Mars/Olympus',
				locale: 'not a locale',
				sections: [base.sections[0]!, base.sections[0]!],
			}),
		).toThrow(/locale: .*\n.*timeZone: .*\n.*sections: section slugs must be unique/);
	});
});
