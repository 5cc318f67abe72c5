import { describe, expect, test } from 'vitest';
import { languageAttributes, textDirection } from './language.ts';

describe('textDirection', () => {
	test('right to left for Persian, Arabic, Hebrew and Urdu', () => {
		for (const lang of ['fa', 'ar', 'he', 'ur', 'fa-IR', 'ar-EG'])
			expect(textDirection(lang), lang).toBe('rtl');
	});

	test('left to right otherwise, including Latin-script Azerbaijani', () => {
		for (const lang of ['en', 'en-GB', 'de', 'tr', 'az', 'zh-Hant'])
			expect(textDirection(lang), lang).toBe('ltr');
	});
});

describe('languageAttributes', () => {
	test('nothing when the text shares the page language', () => {
		expect(languageAttributes('en-GB', 'en')).toEqual({});
	});

	test('lang and dir when it does not', () => {
		expect(languageAttributes('en-GB', 'fa')).toEqual({ lang: 'en-GB', dir: 'ltr' });
	});
});
