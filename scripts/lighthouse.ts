import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';
import { builtDist, parseCommandLine, runCommand } from './lib/cli.ts';

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
	const dist = builtDist();
	const minimum = Number(values.min);
	const server = await serveStatic(dist);
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath(),
		chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
	});
	let failed = false;
	try {
		console.log(
			`| Page | ${CATEGORIES.join(' | ')} |\n|---|${CATEGORIES.map(() => '---').join('|')}|`,
		);
		for (const path of positionals.length > 0 ? positionals : DEFAULT_PATHS) {
			const result = await lighthouse(`${server.origin}${path}`, {
				port: chrome.port,
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
		chrome.kill();
		await server.close();
	}
	return failed ? 1 : 0;
}

await runCommand(main, HELP);
