/**
 * The build's "now": the one clock read of the whole build. It decides which scheduled reports
 * are due, which licensed reports have expired, and the news sitemap's 48-hour window.
 * `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) pins it.
 */
function readBuildNow(): Date {
	const epoch = process.env['SOURCE_DATE_EPOCH'];
	if (epoch !== undefined && epoch.trim() !== '') {
		const seconds = Number(epoch);
		if (!Number.isInteger(seconds) || seconds < 0) {
			throw new Error(
				`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC; got ${JSON.stringify(epoch)}`,
			);
		}
		return new Date(seconds * 1000);
	}
	return new Date();
}

/** The instant this build treats as now. */
export const buildNow: Date = readBuildNow();
