import type { Sandbox } from '../server';

/** The fake 1C API. Its routes and data are added by the 1C node's work. */
export class OneCFake {
	constructor(private readonly sandbox: Sandbox) {
		void this.sandbox;
	}

	reset(): void {}
}
