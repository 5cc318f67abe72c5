/**
 * What the /admin/ page tells the desk's script about the site (a JSON block in the page, so
 * the desk needs no inline script under its Content-Security-Policy).
 */
export interface DeskData {
	/** The CMS bundle, served by the site under /admin/. */
	cmsScript: string;
	/** The site's stylesheet, for the preview pane. */
	previewStyle: string;
	timeZone: string;
	locale: string;
	sections: string[];
	/** content/sources.yaml as written, read by the same code as the build. */
	sourcesText: string;
	/** The report fields in their documented order. */
	fieldOrder: string[];
	/** Optional objects, which the desk offers as a list of at most one item. */
	optionalObjects: string[];
	/** Words of the credit block, from the site's labels. */
	labels: { source: string; originalReport: string; originalHeadline: string };
}

/** Reads the page's desk data. */
export function readDeskData(document: Document): DeskData {
	const element = document.getElementById('desk-data');
	if (!element?.textContent) throw new Error('the desk page has no #desk-data block');
	return JSON.parse(element.textContent) as DeskData;
}
