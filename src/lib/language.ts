/** Scripts written right to left, for runtimes without `Intl.Locale#getTextInfo`. */
const RTL_LANGUAGES = new Set([
	'ar',
	'arc',
	'ckb',
	'dv',
	'fa',
	'ha-arab',
	'he',
	'ks',
	'ku-arab',
	'pa-arab',
	'ps',
	'sd',
	'ug',
	'ur',
	'yi',
]);

interface TextInfo {
	direction?: string;
}

/**
 * The writing direction of a language, for `dir`.
 * @example textDirection('fa') // => 'rtl'
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
	let direction = directions.get(lang);
	if (direction === undefined) {
		direction = findDirection(lang);
		directions.set(lang, direction);
	}
	return direction;
}

const directions = new Map<string, 'ltr' | 'rtl'>();

function findDirection(lang: string): 'ltr' | 'rtl' {
	try {
		const locale = new Intl.Locale(lang).maximize() as Intl.Locale & {
			getTextInfo?: () => TextInfo;
			textInfo?: TextInfo;
		};
		const info = locale.getTextInfo?.() ?? locale.textInfo;
		if (info?.direction) return info.direction === 'rtl' ? 'rtl' : 'ltr';
		return /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)$/.test(locale.script ?? '') ? 'rtl' : 'ltr';
	} catch {
		return RTL_LANGUAGES.has(lang.toLowerCase()) ? 'rtl' : 'ltr';
	}
}

/**
 * The base language of a tag, to compare page and text languages.
 * @example baseLanguage('en-GB') // => 'en'
 */
export function baseLanguage(lang: string): string {
	return lang.split('-')[0]?.toLowerCase() ?? lang;
}

/**
 * `lang` and `dir` attributes for text in `textLang` placed on a page in `pageLang`:
 * nothing when they share a language, so markup stays lean.
 * @example languageAttributes('en-GB', 'fa') // => { lang: 'en-GB', dir: 'ltr' }
 */
export function languageAttributes(
	textLang: string,
	pageLang: string,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
	if (baseLanguage(textLang) === baseLanguage(pageLang)) return {};
	return { lang: textLang, dir: textDirection(textLang) };
}
