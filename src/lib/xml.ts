/**
 * Escapes text for XML attribute values (and element content where no stricter rule applies).
 * @example escapeXml('Cape & Delta <"x">') // => 'Cape &amp; Delta &lt;&quot;x&quot;&gt;'
 */
export function escapeXml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
	);
}

/**
 * Escapes text for XML element content with hexadecimal character references, as the RSS Best
 * Practices Profile asks of plain text: aggregators disagree on whether `&lt;` in a feed title is
 * text or markup, but every one decodes `&#x3C;` to "<". ">" is encoded too, so "]]>" never
 * appears in content (XML forbids it there).
 * @example escapeXmlText('Q&A: <b> ]]>') // => 'Q&#x26;A: &#x3C;b&#x3E; ]]&#x3E;'
 */
export function escapeXmlText(text: string): string {
	return text.replace(/[&<>]/g, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * Escapes plain text so that it reads as the same text where HTML is expected.
 * @example escapeHtmlText('5 < 6 & more') // => '5 &lt; 6 &amp; more'
 */
export function escapeHtmlText(text: string): string {
	return text.replace(/[&<>]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[char]};`);
}
