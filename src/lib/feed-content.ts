import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { creditOf } from './credit.ts';
import { isoWithOffset } from './dates.ts';
import { formatDisplayDate } from './display-date.ts';
import type { Report } from './report.ts';
import type { SiteConfig } from './site-config.ts';

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'longDesc', 'poster'] as const;

function element(
	tagName: string,
	properties: Element['properties'],
	children: Element['children'],
): Element {
	return { type: 'element', tagName, properties, children };
}

const text = (value: string) => ({ type: 'text' as const, value });

/** Makes every URL in a hast tree absolute against `base`, in place. */
function absolutize(tree: Root, base: string): void {
	visit(tree, 'element', (node) => {
		for (const name of URL_ATTRIBUTES) {
			const value = node.properties[name];
			if (typeof value === 'string' && URL.canParse(value, base))
				node.properties[name] = new URL(value, base).href;
		}
	});
}

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify);

/** The correction notices as the page shows them: label and date, then the text. */
function correctionElements(report: Report, site: SiteConfig): Element[] {
	return report.corrections.flatMap((correction) => [
		element('p', {}, [
			element('strong', {}, [text(site.labels.correction)]),
			text(' '),
			element('time', { dateTime: isoWithOffset(correction.date, site.timeZone) }, [
				text(formatDisplayDate(correction.date, site.timeZone, site.locale)),
			]),
		]),
		element('p', {}, processor.parse(correction.html).children as Element['children']),
	]);
}

/**
 * A report's body for `content:encoded`: its correction notices first, as on its page, then
 * the sanitised HTML the site renders, with every URL made absolute (feed readers have no base
 * URL) and the credit appended, so the agency and the original report travel with the copy.
 */
export function feedContent(bodyHtml: string, report: Report, site: SiteConfig): string {
	const tree = processor.parse(bodyHtml);
	tree.children.unshift(...correctionElements(report, site));
	absolutize(tree, report.permalink);
	const credit = creditOf(report, site);
	tree.children.push(
		element('p', {}, [
			text(`${credit.sourceLabel} `),
			element('a', { href: credit.agency.homepage }, [text(credit.agency.name)]),
			text(`. ${credit.originalLabel} `),
			element('a', { href: credit.original.url }, [text(credit.original.text)]),
		]),
		element('p', {}, [element('em', {}, [text(report.section.disclaimer)])]),
	);
	return processor.stringify(tree);
}
