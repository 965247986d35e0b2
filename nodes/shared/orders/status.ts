import type { OrderState, System } from './canonical';

/** What each system's status codes mean, as its documentation describes them. */
const READ: Record<System, Record<string, OrderState>> = {
	// orders/get stat_status: 1 new, 2 in processing, 3 delivered, 4 not delivered, 6 being delivered.
	horoshop: { '1': 'new', '2': 'processing', '3': 'completed', '4': 'cancelled', '6': 'delivering' },
	// Aqua/1C exchange: new, approved (courier assigned), completed, removed.
	aqua: { new: 'new', approved: 'processing', completed: 'completed', removed: 'cancelled' },
	onec: { new: 'new', approved: 'processing', completed: 'completed', removed: 'cancelled' },
	// SaleApp documents only 0 new, 1 fully reserved, 2 partly reserved; other statuses are per account.
	saleapp: { '0': 'new', '1': 'processing', '2': 'processing' },
};

/** The code each system writes for a state, where it has a status field at all. */
const WRITE: Partial<Record<System, Record<OrderState, string>>> = {
	horoshop: { new: '1', processing: '2', delivering: '6', completed: '3', cancelled: '4' },
	aqua: { new: 'new', processing: 'approved', delivering: 'approved', completed: 'completed', cancelled: 'removed' },
	onec: { new: 'new', processing: 'approved', delivering: 'approved', completed: 'completed', cancelled: 'removed' },
};

export function stateOf(system: System, code: string): OrderState | undefined {
	return READ[system][code.trim()];
}

export function statusCodeFor(system: System, state: OrderState): string | undefined {
	return WRITE[system]?.[state];
}
