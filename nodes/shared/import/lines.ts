import type { IDataObject } from 'n8n-workflow';

/** A line of an order as sent: what the receiver's answer must still show. */
export interface SentLine {
	product_id: string;
	quantity: number;
	price?: number;
	name?: string | null;
}

/**
 * The sent lines that the receiver's stored order no longer has. Aqua drops a line whose product
 * it does not know (seed 000); 1C keeps an empty line in its place (seed 001). Both answer with
 * their own product ids, so a sent line is matched to a stored one with the same quantity by
 * product id, else by name, else by price; what stays unmatched was dropped. An answer without
 * a list of lines cannot be checked and drops nothing.
 */
export function droppedLines(sent: readonly SentLine[], stored: unknown): SentLine[] {
	if (!Array.isArray(stored)) return [];
	const left = (stored as IDataObject[]).filter((line) => line && !isEmptyLine(line));
	const unmatched = [...sent];
	const matchBy = (same: (sentLine: SentLine, storedLine: IDataObject) => boolean) => {
		for (let i = 0; i < unmatched.length; ) {
			const sentLine = unmatched[i];
			const match = left.findIndex(
				(storedLine) => Number(storedLine.quantity) === Number(sentLine.quantity) && same(sentLine, storedLine),
			);
			if (match === -1) {
				i++;
				continue;
			}
			left.splice(match, 1);
			unmatched.splice(i, 1);
		}
	};
	matchBy((sentLine, storedLine) => text(storedLine.product_id) === text(sentLine.product_id));
	matchBy((sentLine, storedLine) => text(sentLine.name) !== '' && text(storedLine.name) === text(sentLine.name));
	matchBy((sentLine, storedLine) => Number(storedLine.price) === Number(sentLine.price));
	return unmatched;
}

/** "WTR-99 × 2, BTL-1 × 1" for messages. */
export function describeLines(lines: readonly SentLine[]): string {
	return lines.map((line) => `${line.product_id} × ${line.quantity}`).join(', ');
}

function isEmptyLine(line: IDataObject): boolean {
	return text(line.product_id) === '' && text(line.name) === '';
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim().toLowerCase();
}
