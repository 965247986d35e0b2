import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { failExecutionOption } from '../results/itemResults';
import { transportOptions, transportSettings } from '../transport/retry';
import type { ImportSettings } from './engine';
import { DEFAULT_REMEMBER_AT_MOST } from './record';

/** The "Options" collection of an import operation: batching, dry run, timeout and retry. */
export function importOptions(displayOptions: IDisplayOptions, system: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Accept Orders With Dropped Lines',
				name: 'acceptDroppedLines',
				type: 'boolean',
				default: false,
				description: `Whether an order ${system} imported without some of its lines (products it does not know) goes to the main output with a note. Off: it goes to the error output naming the products, with ${system}'s ID, so it can be fixed and sent again as an update.`,
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 50,
				description: `How many orders go to ${system} in one request`,
			},
			{
				displayName: 'Concurrent Batches',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 2,
				description: `How many requests may run at the same time. Keep it low so ${system} is not overloaded.`,
			},
			failExecutionOption,
			{
				displayName: 'Full Answer',
				name: 'fullAnswer',
				type: 'boolean',
				default: false,
				description: `Whether each order's output holds ${system}'s whole answer, with the client as ${system} keeps it (addresses, requisites, price list, balance). Off: the client is cut down to its IDs, which keeps large runs light.`,
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'One Item per Order', value: 'orders', description: `${system}'s answer for each order` },
					{
						name: 'One Summary Item',
						value: 'summary',
						description: 'How many orders were created, updated, skipped as unchanged and failed (by kind); failed orders still go to the error output',
					},
				],
				default: 'orders',
			},
			{
				displayName: 'Remember Imported Orders',
				name: 'remember',
				type: 'boolean',
				default: true,
				description: `Whether to keep, in this workflow, ${system}'s ID of every order it imported and send it back as External ID next time, so ${system} updates the order instead of creating a second one. Orders whose answer was lost are held back as in doubt. Kept after production runs (trigger, webhook, schedule), not after manual runs in the editor.`,
			},
			{
				displayName: 'Remembered Orders Limit',
				name: 'rememberAtMost',
				type: 'number',
				typeOptions: { minValue: 100 },
				default: DEFAULT_REMEMBER_AT_MOST,
				description:
					'With Remember Imported Orders: how many orders to remember (about 100 bytes each in the workflow); past it the oldest imported ones are forgotten, orders in doubt never. Keep it above the number of orders a run may send again.',
			},
			{
				displayName: 'Skip Unchanged Orders',
				name: 'skipUnchanged',
				type: 'boolean',
				default: true,
				description: `Whether to pass over (with Remember Imported Orders on) an order that is exactly as ${system} last accepted it: it comes out with skipped: "unchanged" and is not sent. A changed order is sent with ${system}'s ID as External ID, an update.`,
			},
			{
				displayName: 'Validate Only',
				name: 'validateOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to only check the orders and show what would be sent, without sending anything (a dry run)',
			},
			...transportOptions,
		],
	};
}

export function importSettings(optionValues: object): ImportSettings {
	const options = optionValues as {
		batchSize?: number;
		concurrency?: number;
		validateOnly?: boolean;
		remember?: boolean;
		rememberAtMost?: number;
		skipUnchanged?: boolean;
		acceptDroppedLines?: boolean;
		fullAnswer?: boolean;
		output?: string;
	};
	return {
		batchSize: Math.max(1, Math.floor(options.batchSize ?? 50)),
		concurrency: Math.max(1, Math.floor(options.concurrency ?? 2)),
		validateOnly: options.validateOnly === true,
		remember: options.remember !== false,
		rememberAtMost: Math.max(100, Math.floor(options.rememberAtMost ?? DEFAULT_REMEMBER_AT_MOST)),
		skipUnchanged: options.skipUnchanged !== false,
		acceptDroppedLines: options.acceptDroppedLines === true,
		fullAnswer: options.fullAnswer === true,
		summaryOnly: options.output === 'summary',
		transport: transportSettings(optionValues),
	};
}
