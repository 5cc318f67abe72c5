import { reportMarkdown } from '../../src/lib/new-report.ts';

/**
 * A deterministic corpus of wire reports for benchmarks: the same seed and count give
 * byte-identical files. Invented agencies on example domains, headlines with non-ASCII names
 * and YAML-hostile characters, 250–600-word bodies with links, lists, quotes and subheadings,
 * about 40 tags, dates spread over ten years, and a few Persian reports.
 */

/** mulberry32: tiny, fast, deterministic. */
function random(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const AGENCIES = [
	['tidewater', 'Tidewater Press', 'tidewater.example.com', 'index'],
	['meridian-wire', 'Meridian Wire', 'meridian-wire.example.net', 'index'],
	['north-cape', 'North Cape News Agency', 'northcape.example.org', 'index'],
	['altiplano', 'Agencia Altiplano', 'altiplano.example.com', 'index'],
	['danube-desk', 'Danube Desk', 'danube.example.eu', 'canonical-to-original'],
	['zagros', 'Zagros News Agency', 'zagros.example.com', 'index'],
	['southern-cross', 'Southern Cross Wire', 'southerncross.example.com', 'index'],
	['lumen-science', 'Lumen Science Service', 'lumen.example.edu', 'noindex'],
] as const;

const TAGS = [
	'politics',
	'economy',
	'markets',
	'energy',
	'climate',
	'health',
	'science',
	'technology',
	'diplomacy',
	'defence',
	'elections',
	'trade',
	'agriculture',
	'transport',
	'aviation',
	'shipping',
	'sport',
	'culture',
	'education',
	'migration',
	'justice',
	'human rights',
	'europe',
	'asia',
	'africa',
	'middle east',
	'americas',
	'oceania',
	'arctic',
	'space',
	'cybersecurity',
	'banking',
	'oil',
	'gas',
	'weather',
	'disasters',
	'labour',
	'housing',
	'media',
	'tourism',
];
const PEOPLE = [
	'Anneli Søby',
	'José Ibarra',
	'Marguerite Lefèvre',
	'Łucja Nowicka',
	'Zoë Achterberg',
	'Nguyễn Thu Hà',
	'Ayşe Demirtaş',
	'Bjørn Ålund',
	'Chiamaka Obi',
	'Dmitri Voronov',
	'Priya Venkatesan',
	"Seán O'Doherty",
	'Hiroko Matsuda',
	'Jürgen Weiß',
	'Ana Ćosić',
	'Kofi Asante',
];
const PLACES = [
	'Velshaven',
	'São Trevo',
	'Zürichsee',
	'Kraków',
	'Ísafjörður',
	'Montréal',
	'Port Kessary',
	'Nairobi',
	'Brennholm',
	'Ciudad Alta',
	'Hà Tiên',
	'Torvik',
	'Ålesund',
	'Mbalane',
	'Qazvin',
];
const ORGS = [
	'central bank',
	'parliament',
	'finance ministry',
	'energy regulator',
	'port authority',
	'supreme court',
	'health agency',
	'rail operator',
	'trade union',
	'national airline',
	'space agency',
	'election commission',
];
const VERBS = [
	'announces',
	'rejects',
	'approves',
	'delays',
	'unveils',
	'warns of',
	'signs',
	'suspends',
	'expands',
	'reviews',
	'extends',
	'questions',
];
const OBJECTS = [
	'new budget',
	'rate cut',
	'border deal',
	'climate plan',
	'grain exports',
	'rail strike',
	'vaccine rollout',
	'pension reform',
	'tariff rise',
	'data law',
	'water rationing',
	'fishing quotas',
	'satellite launch',
	'peace talks',
	'ferry timetable',
];
const WORDS = (
	'the a officials said on monday tuesday wednesday thursday friday that government would plan talks agreement country region ' +
	'analysts expect further measures prices market rose fell percent year statement spokesperson added according to sources ' +
	'familiar with matter minister visit capital delegation decision vote week report data showed increase decline growth ' +
	'forecast policy international partners meeting opposition leaders urged calm crisis response emergency funding local ' +
	'residents authorities confirmed investigation ongoing harbour harvest council committee inquiry'
).split(' ');
const PERSIAN_TITLES = [
	'قطار مسافری پس از چهار سال به دره بازگشت',
	'نمایشگاه کتاب استان با استقبال گسترده روبه‌رو شد',
	'باغداران از خسارت سرمای زودرس خبر دادند',
	'بندر شمالی پس از طوفان دوباره باز شد',
];
const PERSIAN_SENTENCES = [
	'مسئولان محلی روز دوشنبه اعلام کردند که کار بازسازی تا پایان ماه ادامه خواهد داشت.',
	'به گفته کارشناسان، قیمت‌ها در هفته‌های آینده ثابت می‌ماند.',
	'ساکنان منطقه از این تصمیم استقبال کردند و خواستار ادامه آن شدند.',
	'این طرح با همکاری شورای شهر و اتحادیه کشاورزان اجرا می‌شود.',
];

/** The agencies file of the corpus. */
export function corpusSources(): string {
	return AGENCIES.map(
		([slug, name, host, policy]) =>
			`${slug}:\n  name: ${JSON.stringify(name)}\n  homepage: https://${host}/\n  feed: https://${host}/rss.xml\n  policy: ${policy}\n`,
	).join('');
}

/** One generated report: its path under content/ and its text. */
export interface CorpusFile {
	path: string;
	text: string;
	/** Publication time, ms since the epoch. */
	date: number;
}

const START = Date.UTC(2016, 0, 1);
const SPAN = 10 * 365 * 24 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `count` reports for `seed`, in a stable order. `dateRange` overrides the span of dates.
 * @example generateCorpus(3, 1).length // => 3
 */
export function generateCorpus(
	count: number,
	seed = 1,
	dateRange: [number, number] = [START, START + SPAN],
): CorpusFile[] {
	const next = random(seed);
	const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const chance = (p: number) => next() < p;
	const sentence = () => {
		const words = Array.from({ length: int(8, 22) }, () => pick(WORDS));
		if (chance(0.3)) words.splice(int(0, words.length - 1), 0, pick(PLACES));
		if (chance(0.1)) words.splice(int(0, words.length - 1), 0, `*${pick(WORDS)}*`);
		const text = words.join(' ');
		return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
	};
	const headline = () => {
		const who = chance(0.5) ? pick(PEOPLE) : `${pick(PLACES)} ${pick(ORGS)}`;
		let title = `${who} ${pick(VERBS)} ${pick(OBJECTS)}`;
		const roll = next();
		if (roll < 0.08)
			title = `"${pick(OBJECTS)}" is ${pick(['over', 'on hold', 'back'])}, says ${pick(PEOPLE)}`;
		else if (roll < 0.16) title = `${pick(PLACES)}: ${title}`;
		else if (roll < 0.22) title = `${title} & ${pick(OBJECTS)}`;
		else if (roll < 0.26) title = `${title} (#${int(2, 9)} in a series)`;
		else if (roll < 0.5) title += ` amid ${pick(OBJECTS)} in ${pick(PLACES)}`;
		return `${title.charAt(0).toUpperCase()}${title.slice(1)}`;
	};
	const files: CorpusFile[] = [];
	const used = new Set<string>();
	for (let index = 0; index < count; index += 1) {
		const persian = chance(0.01);
		const title = persian ? pick(PERSIAN_TITLES) : headline();
		const [sourceSlug, sourceName, host] = pick(AGENCIES);
		const date = dateRange[0] + Math.floor(next() * (dateRange[1] - dateRange[0]));
		const day = new Date(date);
		const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
		const base = persian
			? `${sourceSlug}-${ymd}`
			: title
					.normalize('NFKD')
					.replace(/\p{Mn}/gu, '')
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '')
					.slice(0, 60)
					.replace(/-$/, '');
		let slug = base;
		for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
		used.add(slug);
		const paragraphs: string[] = [];
		if (persian) {
			for (let p = 0; p < int(3, 6); p += 1)
				paragraphs.push(Array.from({ length: int(3, 6) }, () => pick(PERSIAN_SENTENCES)).join(' '));
		} else {
			const target = int(250, 560);
			let words = 0;
			const count = int(3, 8);
			for (let p = 0; p < count; p += 1) {
				const sentences: string[] = [];
				const goal = Math.max(20, Math.round((target - words) / (count - p)));
				let n = 0;
				while (n < goal) {
					const s = sentence();
					sentences.push(s);
					n += s.split(' ').length;
				}
				words += n;
				let text = sentences.join(' ');
				if (p === 1 && chance(0.5))
					text += ` See the [full statement](https://${host}/statements/${index}).`;
				paragraphs.push(text);
				if (p === 1 && chance(0.3)) paragraphs.push(`> ${sentence()} — ${pick(PEOPLE)}`);
				if (p === 2 && chance(0.3))
					paragraphs.push(Array.from({ length: int(2, 4) }, () => `- ${sentence()}`).join('\n'));
				if (p === count - 2 && chance(0.4))
					paragraphs.push(`## ${pick(['Background', 'Reaction', 'What comes next', 'Context'])}`);
			}
		}
		const tags = [...new Set(Array.from({ length: int(1, 3) }, () => pick(TAGS)))];
		const frontmatter: Record<string, unknown> = {
			title,
			source: sourceName,
			url: `https://${host}/news/${ymd.replaceAll('-', '/')}/${slug}`,
			date: `${ymd}T${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00Z`,
			tags,
			...(chance(0.3) ? { summary: sentence() } : {}),
			...(chance(0.4) ? { author: pick(PEOPLE) } : {}),
			...(chance(0.7) ? { dateline: pick(PLACES).toUpperCase() } : {}),
			...(chance(0.05) ? { originalTitle: headline() } : {}),
			...(persian ? { lang: 'fa' } : {}),
			...(chance(0.5) ? { id: `${sourceSlug}-${index}` } : {}),
		};
		files.push({
			path: `wire/${ymd.slice(0, 4)}/${ymd.slice(5, 7)}/${slug}.md`,
			text: reportMarkdown(frontmatter, `${paragraphs.join('\n\n')}\n`),
			date,
		});
	}
	return files;
}
