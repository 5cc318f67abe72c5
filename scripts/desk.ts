import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DESK_PROXY_URL } from '../src/lib/desk-config.ts';
import { deskHref } from '../src/lib/urls.ts';
import { parseCommandLine, runCommand, UsageError } from './lib/cli.ts';
import { projectRoot } from './lib/site-copy.ts';

const HELP = `Usage: npm run desk -- [--workflow] [--port N] [--root DIR]

Starts the web desk on this machine: the site's dev server and Decap CMS's local proxy
(decap-server) against this repository, then prints the desk's address. For development and
tests; editors use the desk on the published site (docs/desk.md).

  (default)     the proxy's fs mode: Save writes the report's Markdown file into this working
                tree; review it with git diff and commit it yourself (the pre-commit hook checks it)
  --workflow    the proxy's git mode: the editorial workflow, each report in progress a local
                branch cms/reports/<path>, Publish merges it into the branch you are on. Needs a
                clean working tree: the proxy commits everything in it.
  --port N      the dev server's port (default 4321); the proxy always listens on 8081
  --root DIR    the project folder (default: the current folder)
  --help        show this help`;

async function main(): Promise<number> {
	const { values } = parseCommandLine({
		args: process.argv.slice(2),
		options: {
			workflow: { type: 'boolean' },
			port: { type: 'string' },
			root: { type: 'string' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return 0;
	}
	const root = resolve(values.root ?? '.');
	const port = values.port ?? '4321';
	if (!/^\d+$/.test(port)) throw new UsageError(`--port: "${port}" is not a port number`);
	if (values.workflow) {
		const changes = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
		if (changes.trim()) {
			console.error(
				'The workflow desk commits everything in the working tree with each save; commit or stash these first:\n' +
					changes,
			);
			return 1;
		}
	}
	const proxyPort = new URL(DESK_PROXY_URL).port;
	const children: ChildProcess[] = [
		spawn(process.execPath, [join(projectRoot, 'node_modules/decap-server/dist/index.js')], {
			env: {
				...process.env,
				MODE: values.workflow ? 'git' : 'fs',
				GIT_REPO_DIRECTORY: root,
				PORT: proxyPort,
				// The proxy has no sign-in: never reachable from another machine.
				BIND_HOST: '127.0.0.1',
			},
			stdio: 'inherit',
		}),
		spawn(
			process.execPath,
			[
				join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
				'dev',
				'--root',
				root,
				'--port',
				port,
			],
			{ stdio: 'inherit' },
		),
	];
	console.log(
		`The desk: http://localhost:${port}${deskHref()} (log in with the button; no password on this machine)\n` +
			(values.workflow
				? 'Editorial workflow: drafts are local branches cms/reports/…; Publish merges into the current branch.'
				: 'Saves write content/ files in this working tree: review with git diff, then commit.'),
	);
	const stop = () => children.forEach((child) => child.kill('SIGTERM'));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	// When either stops, the desk is of no use: stop the other too.
	const code = await Promise.race(
		children.map(
			(child) => new Promise<number>((done) => child.on('exit', (exit) => done(exit ?? 1))),
		),
	);
	stop();
	return code;
}

await runCommand(main, HELP);
