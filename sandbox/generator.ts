import { Random } from './random';

/** Plain facts about a made-up order that each system's fake turns into its own wire format. */
export interface GeneratedOrder {
	number: number;
	createdAt: Date;
	country: 'UA' | 'RU';
	customer: { firstName: string; lastName: string; phone: string; email: string };
	address: { city: string; street: string; house: string; entrance: string; floor: string; flat: string };
	lines: GeneratedLine[];
	comment: string;
	paid: boolean;
}

export interface GeneratedLine {
	product: GeneratedProduct;
	quantity: number;
	/** Set when this line belongs to a set (the set's article) or is a gift to another line. */
	parentArticle?: string;
	kind: 'plain' | 'set' | 'setItem' | 'gift';
}

export interface GeneratedProduct {
	id: number;
	article: string;
	name: string;
	/** Price in kopecks, so sums stay exact. */
	priceKopecks: number;
}

const FIRST_NAMES = ['Олександр', 'Марія', 'Іван', 'Олена', 'Андрій', 'Наталія', 'Сергій', 'Тетяна', 'Дмитро', 'Юлія', 'Алексей', 'Екатерина', 'Михаил', 'Анна'];
const LAST_NAMES = ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Иванов', 'Смирнов', 'Кузнецова', 'Попова', 'Лисенко'];
const UA_CITIES = ['Київ', 'Львів', 'Одеса', 'Харків', 'Дніпро', 'Вінниця', 'Запоріжжя'];
const RU_CITIES = ['Москва', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск'];
const UA_STREETS = ['вул. Хрещатик', 'вул. Шевченка', 'просп. Перемоги', 'вул. Грушевського', 'вул. Січових Стрільців', "вул. Зелена"];
const RU_STREETS = ['ул. Ленина', 'ул. Гагарина', 'пр-т Мира', 'ул. Садовая', 'ул. Пушкина'];
const COMMENTS = ['', '', 'Позвоните за час до доставки', 'Подзвоніть заздалегідь', 'Домофон не работает', 'Залишити біля дверей'];

export const CATALOG: GeneratedProduct[] = [
	{ id: 1, article: 'WTR-19', name: 'Вода питна 19 л', priceKopecks: 15000 },
	{ id: 2, article: 'WTR-6', name: 'Вода питна 6 л', priceKopecks: 6500 },
	{ id: 3, article: 'WTR-1.5', name: 'Вода мінеральна 1,5 л', priceKopecks: 2990 },
	{ id: 4, article: 'PMP-01', name: 'Помпа механічна', priceKopecks: 24999 },
	{ id: 5, article: 'CUP-100', name: 'Стаканчики 100 шт', priceKopecks: 8950 },
	{ id: 6, article: 'CLR-01', name: 'Кулер настільний', priceKopecks: 349900 },
	{ id: 7, article: 'SET-START', name: 'Набір "Старт": вода 19 л + помпа', priceKopecks: 36000 },
	{ id: 8, article: 'GIFT-CUP', name: 'Стаканчик у подарунок', priceKopecks: 0 },
];

/** Deterministic orders: the same seed always gives the same orders, in Ukrainian and Russian. */
export class OrderGenerator {
	private readonly random: Random;

	constructor(seed = 42) {
		this.random = new Random(seed);
	}

	orders(count: number, firstNumber = 1, start = new Date('2026-11-01T06:00:00Z')): GeneratedOrder[] {
		return Array.from({ length: count }, (_, i) =>
			this.order(firstNumber + i, new Date(start.getTime() + i * 60_000)),
		);
	}

	order(number: number, createdAt: Date): GeneratedOrder {
		const r = this.random;
		const country = r.chance(0.75) ? 'UA' : 'RU';
		return {
			number,
			createdAt,
			country,
			customer: {
				firstName: r.pick(FIRST_NAMES),
				lastName: r.pick(LAST_NAMES),
				phone: this.phone(country),
				email: `client${number}@example.com`,
			},
			address: {
				city: r.pick(country === 'UA' ? UA_CITIES : RU_CITIES),
				street: r.pick(country === 'UA' ? UA_STREETS : RU_STREETS),
				house: String(r.int(1, 150)) + (r.chance(0.1) ? 'А' : ''),
				entrance: String(r.int(1, 6)),
				floor: String(r.int(1, 16)),
				flat: String(r.int(1, 300)),
			},
			lines: this.lines(),
			comment: r.pick(COMMENTS),
			paid: r.chance(0.3),
		};
	}

	phone(country: 'UA' | 'RU'): string {
		const r = this.random;
		const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
		return country === 'UA'
			? `+380${r.pick(['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'])}${digits(7)}`
			: `+79${digits(9)}`;
	}

	private lines(): GeneratedLine[] {
		const r = this.random;
		const plain = CATALOG.filter((p) => p.priceKopecks > 0 && !p.article.startsWith('SET'));
		const lines: GeneratedLine[] = [];
		const count = r.int(1, 3);
		for (let i = 0; i < count; i++) {
			const product = r.pick(plain);
			if (lines.some((line) => line.product.id === product.id)) continue;
			lines.push({ product, quantity: r.int(1, 4), kind: 'plain' });
		}
		if (r.chance(0.15)) {
			const set = CATALOG.find((p) => p.article === 'SET-START')!;
			lines.push({ product: set, quantity: 1, kind: 'set' });
			lines.push({ product: CATALOG[0], quantity: 1, kind: 'setItem', parentArticle: set.article });
			lines.push({ product: CATALOG[3], quantity: 1, kind: 'setItem', parentArticle: set.article });
		}
		if (r.chance(0.1)) {
			const gift = CATALOG.find((p) => p.article === 'GIFT-CUP')!;
			lines.push({ product: gift, quantity: 1, kind: 'gift', parentArticle: lines[0].product.article });
		}
		return lines;
	}
}
