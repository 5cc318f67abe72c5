import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Thrown for a mistake in how a command was called; printed without a stack. */
export class UsageError extends Error {}

/**
 * Parses a command's arguments with node:util (strict), turning its errors into a usage message.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
	config: T,
): ReturnType<typeof parseArgs<T>> {
	try {
		return parseArgs(config);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/**
 * Runs a command's main function: prints its errors plainly and sets the exit code.
 */
export async function runCommand(main: () => Promise<number>, help: string): Promise<void> {
	try {
		process.exitCode = await main();
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${help}`);
			process.exitCode = 2;
		} else {
			console.error(error instanceof Error ? error.message : String(error));
			process.exitCode = 1;
		}
	}
}

/** The built site (dist/) of the project in the working folder; fails when there is none. */
export function builtDist(): string {
	const dist = join(process.cwd(), 'dist');
	if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/: run npm run build first');
	return dist;
}

/** Writes a new file under `root`, creating its folders; never overwrites. */
export async function writeNewFile(root: string, path: string, text: string): Promise<void> {
	const absolute = join(root, path);
	await mkdir(dirname(absolute), { recursive: true });
	await writeFile(absolute, text, { flag: 'wx' });
}
