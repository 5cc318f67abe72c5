import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the tests and tools never download a browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The flags every launch of Chromium uses: without the background-networking ones it keeps
 * trying the closed network.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * The Chromium to launch. Throws (so a test fails, never skips) when it is not installed.
 */
export function chromiumPath(): string {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (see README, Testing; scripts/install-test-tools.sh does it).`,
		);
	}
	return CHROMIUM_PATH;
}

/**
 * Launches headless Chromium with {@link CHROMIUM_FLAGS}; `extraArgs` for a tool that drives it
 * too (Lighthouse connects through `--remote-debugging-port`).
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [...CHROMIUM_FLAGS, ...extraArgs],
	});
}
