/**
 * The web desk at /admin/: loads Decap CMS (served by the site from its npm package), adds
 * wiredesk's file format, widgets, preview and pre-save check through Decap's public API, then
 * starts it with the config the build generated (/admin/config.yml).
 */
import { DESK_COLLECTION, DESK_FORMAT, DESK_WIDGETS } from '../../lib/desk-config.ts';
import { readDeskData } from './desk-data.ts';
import { preSave } from './pre-save.ts';
import { reportPreview } from './preview.ts';
import { reportFormat } from './report-format.ts';
import { dateWidget, tagWidget } from './widgets.ts';

const desk = readDeskData(document);

// Decap starts itself when its script loads unless told not to; wiredesk registers first.
window.CMS_MANUAL_INIT = true;
const script = document.createElement('script');
script.src = desk.cmsScript;
script.addEventListener('load', () => {
	const { CMS, h, createClass } = window;
	if (!CMS || !h || !createClass) throw new Error('Decap CMS did not load');
	CMS.registerCustomFormat(DESK_FORMAT, 'md', reportFormat(desk));
	CMS.registerWidget(DESK_WIDGETS.date, dateWidget(h, createClass));
	CMS.registerWidget(DESK_WIDGETS.tag, tagWidget(h, createClass));
	CMS.registerPreviewStyle(desk.previewStyle);
	CMS.registerPreviewTemplate(DESK_COLLECTION, reportPreview(h, createClass, desk));
	CMS.registerEventListener({ name: 'preSave', handler: preSave(desk) });
	CMS.init();
});
document.head.append(script);
