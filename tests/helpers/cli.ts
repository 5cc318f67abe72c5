import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './site.ts';

/** What a command printed and how it exited. */
export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command and collects its output; never rejects on a non-zero exit. The command gets
 * this process's environment and `env`, or `env` alone with `cleanEnv`.
 */
export function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; cleanEnv?: boolean } = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd ?? projectRoot,
			env: options.cleanEnv ? options.env : { ...process.env, ...options.env },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
	});
}

/** Runs one of the editor scripts in scripts/ on the project's Node (24), as npm would. */
export function runScript(
	script: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
	return run(process.execPath, [join(projectRoot, 'scripts', script), ...args], options);
}
