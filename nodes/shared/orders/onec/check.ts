import { ExchangeOrderCheck } from '../exchangeCheck';
import type { Fields } from '../exchangeCheck';
import { unknownClientMessage } from '../exchangeSchema';
import type { Problems } from '../problems';
import { isNumber } from '../read';
import type { OneCOrder } from './schema';

/**
 * `oneCOrderSchema` by hand for the per-order path (see ../exchangeCheck.ts): the order as
 * `parseOrRecord(oneCOrderSchema, value, problems)` gives it, each issue recorded the same way.
 */
export function checkOneCOrder(value: unknown, problems: Problems): OneCOrder | undefined {
	return new OneCOrderCheck(problems, UNKNOWN_CLIENT).order(value) as OneCOrder | undefined;
}

const UNKNOWN_CLIENT = unknownClientMessage('1C');

class OneCOrderCheck extends ExchangeOrderCheck {
	/** 1C's id of the order: a whole number, or text (a GUID, a document number); '' is none. */
	protected externalId(value: unknown, key: string): number | string | null | undefined {
		if (value === '' || value === null || value === undefined) return value === '' ? null : value;
		if (isNumber(value)) {
			this.wholeNumber(value, key, 0, Infinity);
			return value;
		}
		if (typeof value !== 'string') return this.abort(key, 'must be the id 1C gave the order (a number or text)');
		const id = value.trim();
		if (id.length > 255) this.fail(key, 'must be at most 255 characters');
		return id;
	}

	protected lineFields(line: Fields, out: Fields): void {
		if ('id' in line) out.id = this.optionalText(line.id, 'id', 255);
		if ('name' in line) out.name = this.optionalText(line.name, 'name', 255);
	}

	/** 1C has no fields of its own. */
	protected receiverFields(): void {}
}
