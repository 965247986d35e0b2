import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	HOROSHOP_DEFAULT_STATUSES,
	horoshopAvailableStatusesSchema,
} from '../../shared/orders/horoshop/schema';
import type { HoroshopAvailableStatus } from '../../shared/orders/horoshop/schema';
import { HoroshopSession } from '../session';

/** Languages to show a status title in, first found wins. */
const TITLE_LANGUAGES = ['ua', 'uk', 'ru', 'en'];

/**
 * The shop's order statuses from `orders/get_available_statuses` (v4.0+), custom ones included.
 * Shops without that function get the five statuses every shop has.
 */
export async function getStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const session = await HoroshopSession.open(this);
	const answer = await session.call('orders/get_available_statuses', {}, {
		operation: 'get order statuses',
		idempotent: true,
		accept: ['UNDEFINED_FUNCTION'],
	});
	const parsed = answer.status === 'OK' ? horoshopAvailableStatusesSchema.safeParse(answer.response) : undefined;
	if (!parsed?.success) {
		return HOROSHOP_DEFAULT_STATUSES.map(({ id, title }) => ({ name: `${title} (${id})`, value: id }));
	}
	const statuses = Array.isArray(parsed.data.statuses) ? parsed.data.statuses : Object.values(parsed.data.statuses);
	return statuses
		.sort((a, b) => a.id - b.id)
		.map((status) => ({ name: `${titleOf(status)} (${status.id})`, value: status.id }));
}

function titleOf(status: HoroshopAvailableStatus): string {
	const { title } = status;
	if (typeof title === 'string' && title !== '') return title;
	if (title && typeof title === 'object') {
		const texts = title as Record<string, unknown>;
		for (const language of [...TITLE_LANGUAGES, ...Object.keys(texts)]) {
			if (typeof texts[language] === 'string' && texts[language] !== '') return texts[language] as string;
		}
	}
	return `Status ${status.id}`;
}
