import { defineSiteConfig } from './lib/site-config.ts';

/**
 * The one file a newsroom edits to adopt wiredesk (with `content/`).
 * Every field is documented in `src/lib/site-config.ts`.
 */
export const site = defineSiteConfig({
	name: 'The Northgate Herald',
	description: 'Reports from news agencies around the world, credited and linked to their source.',
	url: 'https://news.example.org',
	locale: 'en-GB',
	timeZone: 'Europe/Berlin',
	sections: [
		{
			slug: 'wire',
			name: 'Wire',
			disclaimer:
				'Reports in this section are retrieved from other news agencies and do not necessarily reflect the views of The Northgate Herald. Headlines may be restyled; the content of a report is not changed. The source agency and the address of the original report are given at the foot of each report.',
		},
		{
			slug: 'business-wire',
			name: 'Business wire',
			disclaimer:
				'Business reports in this section are retrieved from other news agencies and do not necessarily reflect the views of The Northgate Herald. Headlines may be restyled; the content of a report is not changed. The source agency and the address of the original report are given at the foot of each report.',
		},
	],
	// The web desk at /admin/ commits here; editors sign in through the newsroom's GitHub OAuth
	// client at authBaseUrl (docs/desk.md says what to deploy there).
	desk: {
		backend: 'github',
		repo: 'northgate-herald/wire',
		branch: 'main',
		authBaseUrl: 'https://desk-auth.example.org',
	},
	pageSize: 20,
	recentCount: 6,
});
