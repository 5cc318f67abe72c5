import { launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';
import { builtDist, parseCommandLine, runCommand } from './lib/cli.ts';

/** The Lighthouse this script is written for; installed on first use, never by npm ci. */
const LIGHTHOUSE = 'lighthouse@12';
/** Where Lighthouse talks to the Chromium this script launches. */
const DEBUGGING_PORT = 9229 + 100;

/** The part of Lighthouse's Node API this script uses (its types come with the package). */
type RunLighthouse = (
	url: string,
	flags: { port: number; output: 'json'; logLevel: 'error'; onlyCategories: string[] },
) => Promise<
	| {
			lhr: {
				categories: Record<
					string,
					{ score: number | null; auditRefs: { id: string; weight: number }[] }
				>;
				audits: Record<string, { id: string; score: number | null }>;
			};
	  }
	| undefined
>;

// Lighthouse brings about 190 packages; it is not a dependency, so an install of the site does
// not carry them. The first run asks for it once.
async function loadLighthouse(): Promise<RunLighthouse> {
	const name: string = 'lighthouse';
	try {
		return ((await import(name)) as { default: RunLighthouse }).default;
	} catch {
		throw new Error(
			`Lighthouse is not installed with the project (it adds about 190 packages to every install).\nInstall it once, without saving it: npm install --no-save ${LIGHTHOUSE}\nthen run npm run lighthouse again.`,
		);
	}
}

const HELP = `Usage: npm run lighthouse -- [--min 0.95] [PATH…]

Serves the built dist/ (with its _headers) on 127.0.0.1 and runs Lighthouse (mobile) in
Debian's Chromium on each page: performance, accessibility, best practices and SEO.
Exits 1 when a score is under --min. Build first: npm run build.

  PATH…       site paths to audit (default: the front page and a report page)
  --min N     the lowest acceptable score (default 0.95)
  --help      show this help`;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const DEFAULT_PATHS = ['/', '/wire/museum-returns-carved-masks-to-coastal-villages/'];

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine({
		args: process.argv.slice(2),
		options: { min: { type: 'string', default: '0.95' }, help: { type: 'boolean' } },
		allowPositionals: true,
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const lighthouse = await loadLighthouse();
	const dist = builtDist();
	const minimum = Number(values.min);
	const server = await serveStatic(dist);
	const browser = await launchBrowser([`--remote-debugging-port=${DEBUGGING_PORT}`]);
	let failed = false;
	try {
		console.log(
			`| Page | ${CATEGORIES.join(' | ')} |\n|---|${CATEGORIES.map(() => '---').join('|')}|`,
		);
		for (const path of positionals.length > 0 ? positionals : DEFAULT_PATHS) {
			const result = await lighthouse(`${server.origin}${path}`, {
				port: DEBUGGING_PORT,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES],
			});
			const scores = CATEGORIES.map((category) => result?.lhr.categories[category]?.score ?? 0);
			if (scores.some((score) => score < minimum)) failed = true;
			console.log(`| ${path} | ${scores.map((score) => score.toFixed(2)).join(' | ')} |`);
			for (const category of CATEGORIES) {
				for (const ref of result?.lhr.categories[category]?.auditRefs ?? []) {
					const audit = result?.lhr.audits[ref.id];
					if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
						console.error(`  ${path} ${category}: ${audit.id} (${audit.score})`);
				}
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return failed ? 1 : 0;
}

await runCommand(main, HELP);
