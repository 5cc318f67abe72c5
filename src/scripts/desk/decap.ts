/**
 * The parts of Decap CMS's public browser API the desk uses (window.CMS, window.h and
 * window.createClass, which the CMS bundle defines), typed loosely: the bundle has no types.
 */

/** An Immutable.js map, as Decap hands entries and field settings to extensions. */
export interface ImmutableMap {
	get(key: string): unknown;
	set(key: string, value: unknown): ImmutableMap;
	toJS(): Record<string, unknown>;
}

/** React's createElement, as Decap exposes it. */
export type CreateElement = (
	type: unknown,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => unknown;

/** create-react-class, as Decap exposes it. */
export type CreateClass = (spec: Record<string, unknown>) => unknown;

/** Props Decap passes to a widget's control. */
export interface WidgetProps {
	value: unknown;
	onChange(value: unknown): void;
	forID: string;
	classNameWrapper: string;
	setActiveStyle(): void;
	setInactiveStyle(): void;
	field: ImmutableMap;
}

/** Props Decap passes to a preview template. */
export interface PreviewProps {
	entry: ImmutableMap;
	widgetFor(name: string): unknown;
}

/** A file format: how a file's text becomes entry data and back. */
export interface Formatter {
	fromFile(text: string): Record<string, unknown>;
	toFile(data: Record<string, unknown>): string;
}

/** Decap CMS's registry. */
export interface DecapCms {
	init(options?: Record<string, unknown>): void;
	registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
	registerWidget(name: string, control: unknown, preview?: unknown): void;
	registerPreviewTemplate(collection: string, component: unknown): void;
	registerPreviewStyle(href: string): void;
	registerEventListener(listener: {
		name: 'preSave';
		handler(payload: { entry: ImmutableMap }): ImmutableMap | Promise<ImmutableMap>;
	}): void;
}

declare global {
	interface Window {
		CMS_MANUAL_INIT?: boolean;
		CMS?: DecapCms;
		h?: CreateElement;
		createClass?: CreateClass;
	}
}
