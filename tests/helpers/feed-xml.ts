import { XMLParser } from 'fast-xml-parser';

/** An element of a feed as written: its text exactly as in the file, references not decoded. */
export interface RawElement {
	name: string;
	attributes: Record<string, string>;
	/** The element's own text, as written (e.g. "Q&#x26;A"). */
	raw: string;
	children: RawElement[];
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

// Keeps entity and character references as written, so tests can see how text was encoded.
const parser = new XMLParser({
	preserveOrder: true,
	processEntities: false,
	htmlEntities: false,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

function toElement(node: OrderedNode): RawElement {
	const name = Object.keys(node).find((key) => key !== ':@') ?? '';
	const content = (node[name] as OrderedNode[] | undefined) ?? [];
	return {
		name,
		attributes: node[':@'] ?? {},
		raw: content.map((part) => (typeof part['#text'] === 'string' ? part['#text'] : '')).join(''),
		children: content.filter((part) => !('#text' in part)).map(toElement),
	};
}

/** The root element of an XML document, with every element's text as written. */
export function parseRawXml(xml: string): RawElement {
	const [root] = (parser.parse(xml) as OrderedNode[]).map(toElement);
	if (!root) throw new Error('no root element');
	return root;
}

/** The children of an element with a given name. */
export function childrenNamed(element: RawElement, name: string): RawElement[] {
	return element.children.filter((child) => child.name === name);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the references XML itself defines, as any XML parser does. */
export function decodeXml(raw: string): string {
	return raw.replace(
		/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g,
		(_, hex?: string, decimal?: string, name?: string) =>
			hex
				? String.fromCodePoint(parseInt(hex, 16))
				: decimal
					? String.fromCodePoint(Number(decimal))
					: (NAMED[name ?? ''] ?? ''),
	);
}
