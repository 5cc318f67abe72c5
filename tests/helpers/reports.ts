/** A report file for fixtures, from a few fields. */
export interface FixtureReport {
	slug: string;
	title: string;
	source: string;
	date: string;
	tags?: string[];
	section?: string;
	body?: string;
	/** Corrections, each with an ISO date. */
	corrections?: { date: string; text: string }[];
	/** A withdrawal with an ISO date. */
	withdrawn?: { date: string; reason: string };
}

/** The Markdown file of a fixture report, and its path under content/. */
export function reportFile(report: FixtureReport): [string, string] {
	const lines = [
		'---',
		`title: ${JSON.stringify(report.title)}`,
		`source: ${report.source}`,
		`url: https://quay.example.com/reports/${report.slug}`,
		`date: ${report.date}`,
		`tags: [${(report.tags ?? []).join(', ')}]`,
		...(report.section ? [`section: ${report.section}`] : []),
		...(report.corrections
			? [
					'corrections:',
					...report.corrections.flatMap((correction) => [
						`  - date: ${correction.date}`,
						`    text: ${JSON.stringify(correction.text)}`,
					]),
				]
			: []),
		...(report.withdrawn
			? [
					'withdrawn:',
					`  date: ${report.withdrawn.date}`,
					`  reason: ${JSON.stringify(report.withdrawn.reason)}`,
				]
			: []),
		'---',
		report.body ??
			`Report ${report.slug} was filed with several sentences of copy, so the excerpt has words to cut at.`,
		'',
	];
	return [`${report.section ?? 'wire'}/${report.slug}.md`, lines.join('\n')];
}

const SOURCES = ['Quay Wire', 'Southern Desk & Co', 'Quiet Agency'];
const TAGS = ['energy', 'shipping', 'climate', 'markets'];

/**
 * `count` reports, one every six hours from `start`, cycling through agencies and tags:
 * deterministic, so two builds see the same content.
 */
export function generateReports(
	count: number,
	start = Date.parse('2026-09-01T06:00:00Z'),
): FixtureReport[] {
	return Array.from({ length: count }, (_, index) => ({
		slug: `report-${String(index + 1).padStart(3, '0')}`,
		title: `Generated report number ${index + 1}`,
		source: SOURCES[index % SOURCES.length] ?? 'Quay Wire',
		date: new Date(start + index * 6 * 3_600_000).toISOString(),
		tags: [TAGS[index % TAGS.length] ?? 'energy'],
	}));
}

/** The content files of some fixture reports, by path under content/. */
export function reportFiles(reports: readonly FixtureReport[]): Record<string, string> {
	return Object.fromEntries(reports.map(reportFile));
}
