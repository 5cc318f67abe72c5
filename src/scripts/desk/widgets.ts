import { fromWallClock, isoWithOffset, wallClock } from '../../lib/dates.ts';
import type { CreateClass, CreateElement, WidgetProps } from './decap.ts';

/**
 * Decap's own date widget shows and writes times in the editor's browser zone; this one shows
 * the site's zone whatever the editor's computer says, and never touches a date it was not
 * asked to change (an unchanged date keeps its text, offset and all).
 */
export function dateWidget(h: CreateElement, createClass: CreateClass): unknown {
	return createClass({
		render(this: { props: WidgetProps }) {
			const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } =
				this.props;
			const timeZone = String(field.get('time_zone'));
			const text = typeof value === 'string' ? value : '';
			const shown = text ? wallClock(text, timeZone) : '';
			const common = {
				id: forID,
				className: classNameWrapper,
				onFocus: setActiveStyle,
				onBlur: setInactiveStyle,
			};
			return h(
				'div',
				{ style: { display: 'flex', gap: '1rem', alignItems: 'center' } },
				shown === undefined
					? // A date written by hand that does not read as one: shown as it is, to be fixed.
						h('input', {
							...common,
							type: 'text',
							value: text,
							onChange: (event: Event) => onChange((event.target as HTMLInputElement).value),
						})
					: h('input', {
							...common,
							type: 'datetime-local',
							value: shown,
							onChange: (event: Event) =>
								onChange(fromWallClock((event.target as HTMLInputElement).value, timeZone)),
						}),
				h(
					'button',
					{ type: 'button', onClick: () => onChange(isoWithOffset(new Date(), timeZone)) },
					'Now',
				),
				h('span', null, `${timeZone} time`),
			);
		},
	});
}

/** One tag, with the tags already in use offered as the editor types. */
export function tagWidget(h: CreateElement, createClass: CreateClass): unknown {
	return createClass({
		render(this: { props: WidgetProps }) {
			const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle, field } =
				this.props;
			const suggestions =
				(field.get('suggestions') as { toJS(): string[] } | undefined)?.toJS() ?? [];
			const listId = `${forID}-tags-in-use`;
			return h(
				'div',
				null,
				h('input', {
					id: forID,
					className: classNameWrapper,
					type: 'text',
					list: listId,
					autoComplete: 'off',
					value: typeof value === 'string' ? value : '',
					onChange: (event: Event) => onChange((event.target as HTMLInputElement).value),
					onFocus: setActiveStyle,
					onBlur: setInactiveStyle,
				}),
				h(
					'datalist',
					{ id: listId },
					...suggestions.map((tag) => h('option', { key: tag, value: tag })),
				),
			);
		},
	});
}
