import { isHttpUrl } from '../../lib/http-url.ts';
import { textDirection } from '../../lib/language.ts';
import type { CreateClass, CreateElement, PreviewProps } from './decap.ts';
import type { DeskData } from './desk-data.ts';

/**
 * The preview pane: the report as its page shows it, with the page's own class names (the
 * site's stylesheet is loaded into the pane) and the direction of the report's language.
 */
export function reportPreview(h: CreateElement, createClass: CreateClass, desk: DeskData): unknown {
	return createClass({
		render(this: { props: PreviewProps }) {
			const data = this.props.entry.get('data') as { toJS(): Record<string, unknown> };
			const fields = data.toJS();
			const text = (key: string) => (typeof fields[key] === 'string' ? String(fields[key]) : '');
			const lang = text('lang') || desk.locale;
			const url = text('url');
			const original = text('originalTitle');
			return h(
				'article',
				{ className: 'report', lang, dir: textDirection(lang) },
				h(
					'header',
					{ className: 'report-header' },
					h('h1', null, text('title')),
					text('dateline') ? h('p', { className: 'dateline' }, text('dateline')) : null,
				),
				h('div', { className: 'report-body' }, this.props.widgetFor('body')),
				h(
					'footer',
					{ className: 'report-footer' },
					h(
						'aside',
						{ className: 'credit' },
						h(
							'p',
							{ className: 'credit-source' },
							`${desk.labels.source} `,
							h('bdi', null, text('source')),
						),
						h(
							'p',
							{ className: 'credit-original' },
							`${original ? desk.labels.originalHeadline : desk.labels.originalReport} `,
							// Only an http(s) address becomes a link, as on the page.
							isHttpUrl(url)
								? h('a', { href: url, rel: 'external noopener' }, original || url)
								: original || url,
						),
					),
				),
			);
		},
	});
}
