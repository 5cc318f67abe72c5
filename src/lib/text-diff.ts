/** Lines of a text without their line ends; a final line end starts no further line. */
function linesOf(text: string): string[] {
	const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
	if (text.endsWith('\n')) lines.pop();
	return lines;
}

/**
 * A unified diff of two versions of a file whose changes lie in one stretch (what the editor
 * tools do to a report), as one hunk with `context` lines around it; '' when nothing changed.
 * @example unifiedDiff('a.md', 'a\nb\n', 'a\nx\nb\n') // => '--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,3 @@\n a\n+x\n b\n'
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
	if (before === after) return '';
	const old = linesOf(before);
	const now = linesOf(after);
	let head = 0;
	while (head < old.length && head < now.length && old[head] === now[head]) head += 1;
	let tail = 0;
	while (
		tail < old.length - head &&
		tail < now.length - head &&
		old[old.length - 1 - tail] === now[now.length - 1 - tail]
	)
		tail += 1;
	const start = Math.max(0, head - context);
	const oldEnd = Math.min(old.length, old.length - tail + context);
	const nowEnd = Math.min(now.length, now.length - tail + context);
	// A hunk that holds no line of one side starts at the line before it, as diff(1) writes it.
	const range = (from: number, to: number) => `${to > from ? from + 1 : from},${to - from}`;
	return [
		`--- a/${path}`,
		`+++ b/${path}`,
		`@@ -${range(start, oldEnd)} +${range(start, nowEnd)} @@`,
		...old.slice(start, head).map((line) => ` ${line}`),
		...old.slice(head, old.length - tail).map((line) => `-${line}`),
		...now.slice(head, now.length - tail).map((line) => `+${line}`),
		...old.slice(old.length - tail, oldEnd).map((line) => ` ${line}`),
		'',
	].join('\n');
}
