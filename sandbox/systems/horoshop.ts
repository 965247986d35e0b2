import type { Sandbox } from '../server';

/** The fake Horoshop API. Its routes and data are added by the Horoshop node's work. */
export class HoroshopFake {
	constructor(private readonly sandbox: Sandbox) {
		void this.sandbox;
	}

	reset(): void {}
}
