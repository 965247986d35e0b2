import type { Sandbox } from '../server';

/** The fake Aqua-delivery API. Its routes and data are added by the Aqua-delivery node's work. */
export class AquaFake {
	constructor(private readonly sandbox: Sandbox) {
		void this.sandbox;
	}

	reset(): void {}
}
