/**
 * Escapes text for XML element content and attribute values.
 * @example escapeXml('Cape & Delta <"x">') // => 'Cape &amp; Delta &lt;&quot;x&quot;&gt;'
 */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}
