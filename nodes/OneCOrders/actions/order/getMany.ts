import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemResults, failExecutionOption } from '../../../shared/results/itemResults';
import type { ItemError } from '../../../shared/results/itemResults';
import { apiError } from '../../../shared/transport/errors';
import { callApi } from '../../../shared/transport/request';
import { transportOptions, transportSettings } from '../../../shared/transport/retry';
import { notFoundAdvice, oneCConnection } from '../../transport';

// 'getMany' is this operation's value in workflows saved before it was named 'getAll' as in n8n's own nodes.
const show = { show: { resource: ['order'], operation: ['getAll', 'getMany'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'string',
		required: true,
		default: 'Document_ЗаказПокупателя',
		description: 'The OData name of what to read: Document_ followed by the document\'s name in 1C',
		displayOptions: show,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Documents dated at or after this moment (1C keeps local time: the workflow\'s time zone is used)',
			},
			{
				displayName: 'To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Documents dated at or before this moment',
			},
			{
				displayName: 'Date Field',
				name: 'dateField',
				type: 'string',
				default: 'Date',
				description: 'The field From and To compare with',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5000 },
				default: 100,
				description: 'How many documents to ask 1C for per request',
			},
			failExecutionOption,
			...transportOptions,
		],
	},
];

interface Filters {
	dateFrom?: string;
	dateTo?: string;
	dateField?: string;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const results = new ItemResults(this);
	const connection = oneCConnection(await this.getCredentials('oneCApi'));
	const options = this.getNodeParameter('options', 0, {}) as { pageSize?: number };
	const settings = transportSettings(options);
	const pageSize = Math.max(1, Math.floor(options.pageSize ?? 100));
	const timezone = this.getTimezone();

	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			const entity = String(this.getNodeParameter('entity', itemIndex)).trim();
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
			const filter = dateFilter(filters, timezone);
			// A fixed order, so that $skip pages neither overlap nor leave a document out.
			const orderBy = `${dateFieldOf(filters)} asc,Ref_Key asc`;
			if (typeof filter === 'object') {
				results.failure(itemIndex, filter.problem);
				continue;
			}
			const rows: IDataObject[] = [];
			for (;;) {
				const top = Math.min(pageSize, wanted - rows.length);
				const query = [`$format=json`, `$orderby=${encodeURIComponent(orderBy)}`, `$top=${top}`, `$skip=${rows.length}`];
				if (filter) query.push(`$filter=${encodeURIComponent(filter)}`);
				const response = await callApi(this, {
					system: '1C',
					operation: `read ${entity}`,
					credentialType: 'oneCApi',
					request: {
						method: 'GET',
						url: `${connection.baseUrl}/odata/standard.odata/${encodeURIComponent(entity)}?${query.join('&')}`,
						skipSslCertificateValidation: connection.skipSslCertificateValidation,
					},
					settings,
					idempotent: true,
					adviceByStatus: notFoundAdvice('Entity'),
					itemIndex,
				});
				const page = (response.body as { value?: unknown } | undefined)?.value;
				if (!Array.isArray(page)) {
					throw apiError(this.getNode(), {
						system: '1C',
						operation: `read ${entity}`,
						message: 'the answer has no "value" list; check the entity name',
						itemIndex,
					});
				}
				rows.push(...(page.slice(0, top) as IDataObject[]));
				if (page.length < top || rows.length >= wanted) break;
			}
			for (const row of rows) results.success(itemIndex, row);
		} catch (error) {
			results.failure(itemIndex, error as ItemError);
		}
	}
	return results.output();
}

/** The OData `$filter` on the date field in 1C's local time, '' for none, or what is wrong. */
function dateFilter(filters: Filters, timezone: string): string | { problem: string } {
	const field = dateFieldOf(filters);
	const parts: string[] = [];
	for (const [name, value, operator] of [
		['From', filters.dateFrom, 'ge'],
		['To', filters.dateTo, 'le'],
	] as const) {
		if (!value) continue;
		const moment = DateTime.fromISO(String(value), { zone: timezone });
		if (!moment.isValid) return { problem: `Filter "${name}" is not a date: ${String(value)}` };
		parts.push(`${field} ${operator} datetime'${moment.toFormat("yyyy-MM-dd'T'HH:mm:ss")}'`);
	}
	return parts.join(' and ');
}

function dateFieldOf(filters: Filters): string {
	return (filters.dateField ?? 'Date').trim() || 'Date';
}
