/**
 * Imported first by the conversion benchmarks. With `--crowded` it adds 3,000 distinct field names
 * to `{}` objects before the package's modules load, as a process as large as n8n has done long
 * before a node runs: V8 then stops sharing the shapes of objects filled from `{}` (see
 * nodes/shared/orders/newObject.ts), and the figure is the conversion's speed inside n8n.
 */
export const crowd: object[] = [];

if (process.argv.includes('--crowded')) {
	for (let i = 0; i < 3000; i++) {
		const object: Record<string, number> = {};
		object[`field${i}`] = i;
		crowd.push(object);
	}
}
