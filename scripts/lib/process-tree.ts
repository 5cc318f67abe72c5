import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How a command ran: wall time, the peak memory of its whole process tree, and its output. */
export interface Measured {
	code: number;
	seconds: number;
	/** Peak resident memory of the process and all its descendants together, in bytes. */
	peakBytes: number;
	output: string;
}

function childrenOf(): Map<number, number[]> {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
		} catch {
			// The process ended while we looked.
		}
	}
	return children;
}

function residentBytes(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** The resident memory of a process and all its descendants, summed (Linux /proc). */
export function treeResidentBytes(root: number): number {
	const children = childrenOf();
	let total = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop() as number;
		total += residentBytes(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

/** Runs a command, sampling its process tree's memory every 100 ms. */
export function measure(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env });
		let output = '';
		let peakBytes = 0;
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setInterval(() => {
			if (child.pid) peakBytes = Math.max(peakBytes, treeResidentBytes(child.pid));
		}, 100);
		child.on('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			resolve({
				code: code ?? -1,
				seconds: (performance.now() - started) / 1000,
				peakBytes,
				output,
			});
		});
	});
}
