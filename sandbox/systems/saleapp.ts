import type { Sandbox } from '../server';

/** The fake SaleApp API. Its routes and data are added by the SaleApp node's work. */
export class SaleAppFake {
	constructor(private readonly sandbox: Sandbox) {
		void this.sandbox;
	}

	reset(): void {}
}
