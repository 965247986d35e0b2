import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { runWorkflow } from '../../harness/runWorkflow';

describe('1C Orders: get many orders through OData on the real engine', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 5 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	const getMany = (parameters: IDataObject, credentials: IDataObject = {}, items: IDataObject[] = [{}]) =>
		runWorkflow({
			items,
			nodes: [
				{
					name: '1C',
					type: 'oneCOrders',
					parameters: { resource: 'order', operation: 'getAll', ...parameters },
					credentials: ['oneCApi'],
					onError: 'continueErrorOutput',
				},
			],
			credentials: {
				oneCApi: {
					serverUrl: sandbox.url,
					publication: 'demodelivery',
					user: 'Менеджер',
					password: 'Секрет-1С',
					...credentials,
				} as never,
			},
		});

	const odataCalls = () => sandbox.log.forRoute('onec.odata');
	const pages = () => odataCalls().map((entry) => [entry.query.$top, entry.query.$skip]);
	const numbers = (result: Awaited<ReturnType<typeof getMany>>) => result.output('1C', 0).map((item) => item.json.Number);

	it.each([
		[0, [['5', '0']]],
		[4, [['5', '0']]],
		[5, [['5', '0'], ['5', '5']]],
		[6, [['5', '0'], ['5', '5']]],
		[10, [['5', '0'], ['5', '5'], ['5', '10']]],
	])('returns all %i documents, paging by 5 until a short page', async (count, expectedPages) => {
		const documents = sandbox.onec.addDocuments(count);
		const result = await getMany({ returnAll: true, options: { pageSize: 5 } });

		expect(pages()).toEqual(expectedPages);
		expect(numbers(result)).toEqual(documents.map((document) => document.Number));
		expect(result.output('1C', 0).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the limit, asking only for what is still missing', async () => {
		const documents = sandbox.onec.addDocuments(20);
		const result = await getMany({ returnAll: false, limit: 7, options: { pageSize: 5 } });

		expect(pages()).toEqual([
			['5', '0'],
			['2', '5'],
		]);
		expect(numbers(result)).toEqual(documents.slice(0, 7).map((document) => document.Number));
	});

	it('filters on the date in 1C\'s local time, encoding the Cyrillic entity and spaces as %20', async () => {
		// One document a minute from 06:00 UTC, i.e. 08:00 in Kyiv.
		const documents = sandbox.onec.addDocuments(30);
		const result = await getMany({
			returnAll: true,
			filters: { dateFrom: '2026-11-01T08:10:00', dateTo: '2026-11-01T06:14:00Z' },
		});

		expect(numbers(result)).toEqual(documents.slice(10, 15).map((document) => document.Number));
		const [call] = odataCalls();
		expect(call.query.$filter).toBe("Date ge datetime'2026-11-01T08:10:00' and Date le datetime'2026-11-01T08:14:00'");
		expect(call.path).toBe('/demodelivery/odata/standard.odata/Document_ЗаказПокупателя');
		expect(sandbox.onec.odataUrls[0]).toBe(
			`/demodelivery/odata/standard.odata/${encodeURIComponent('Document_ЗаказПокупателя')}?$format=json&$orderby=Date%20asc%2CRef_Key%20asc&$top=100&$skip=0&$filter=` +
				'Date%20ge%20datetime%272026-11-01T08%3A10%3A00%27%20and%20Date%20le%20datetime%272026-11-01T08%3A14%3A00%27',
		);
	});

	it('runs once per input item, pairing each document with the item that asked for it', async () => {
		const documents = sandbox.onec.addDocuments(6);
		const result = await getMany(
			{ returnAll: false, limit: '={{ $json.limit }}' },
			{},
			[{ limit: 2 }, { limit: 3 }],
		);

		expect(result.output('1C', 0).map((item) => [item.json.Number, item.pairedItem])).toEqual([
			[documents[0].Number, { item: 0 }],
			[documents[1].Number, { item: 0 }],
			[documents[0].Number, { item: 1 }],
			[documents[1].Number, { item: 1 }],
			[documents[2].Number, { item: 1 }],
		]);
	});

	it('answers a bad filter date on the error output without asking 1C', async () => {
		const result = await getMany({ returnAll: true, filters: { dateFrom: 'yesterday-ish' } });

		expect(odataCalls()).toHaveLength(0);
		expect(result.output('1C', 1)[0].json.error).toBe('Filter "From" is not a date: yesterday-ish');
	});

	it('reads OData answers that start with a BOM', async () => {
		sandbox.onec.bom = true;
		sandbox.onec.addDocuments(3);
		const result = await getMany({ returnAll: true });

		expect(result.output('1C', 0)).toHaveLength(3);
	});

	it('names the entity when 1C does not know it', async () => {
		const result = await getMany({ entity: 'Document_Заказ', returnAll: true });

		const [error] = result.output('1C', 1);
		expect(error.json.error).toContain('1C: read Document_Заказ failed (HTTP 404)');
		expect(error.json.error).toContain('Не найден ресурс');
	});

	it('turns the HTML page of a wrong publication and a refused user into clear messages', async () => {
		const wrongPublication = await getMany({ returnAll: true }, { publication: 'nope' });
		expect(wrongPublication.output('1C', 1)[0].json.error).toMatch(
			/^1C: read Document_ЗаказПокупателя failed \(HTTP 404\): ".*404 - File or directory not found.*"; check the Server URL and Publication Name in the credential, and the Entity on the node$/,
		);

		const wrongUser = await getMany({ returnAll: true }, { user: 'Бухгалтер' });
		expect(wrongUser.output('1C', 1)[0].json.error).toBe(
			'1C: read Document_ЗаказПокупателя failed (HTTP 401): the credentials were refused; check them in the credential',
		);
	});

	it('still runs in a workflow saved with the old operation value "getMany"', async () => {
		const documents = sandbox.onec.addDocuments(3);
		const result = await getMany({ operation: 'getMany', returnAll: true });
		expect(numbers(result)).toEqual(documents.map((document) => document.Number));
	});
});
