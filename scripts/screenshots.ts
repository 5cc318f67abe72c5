import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { builtDist, parseCommandLine, runCommand } from './lib/cli.ts';
import { serveStatic } from './lib/serve.ts';

const HELP = `Usage: npm run screenshots -- [--page PATH]

Serves the built dist/ and saves screenshots of a report page at 390 and 1280 pixels wide,
in the light and dark themes, to docs/screenshots/. Build first: npm run build.

  --page PATH   the page to shoot (default: a sample report with an image)
  --help        show this help`;

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			page: { type: 'string', default: '/wire/museum-returns-carved-masks-to-coastal-villages/' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const dist = builtDist();
	const out = join(process.cwd(), 'docs/screenshots');
	await mkdir(out, { recursive: true });
	const server = await serveStatic(dist);
	const browser = await launchBrowser();
	try {
		for (const width of [390, 1280]) {
			for (const colorScheme of ['light', 'dark'] as const) {
				const context = await browser.newContext({
					viewport: { width, height: width < 600 ? 844 : 900 },
					colorScheme,
					deviceScaleFactor: 1,
				});
				const page = await context.newPage();
				await page.goto(`${server.origin}${values.page}`, { waitUntil: 'networkidle' });
				const file = join(out, `report-${width}-${colorScheme}.png`);
				await page.screenshot({ path: file });
				console.log(file);
				await context.close();
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return 0;
}

await runCommand(main, HELP);
