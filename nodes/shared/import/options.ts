import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { transportOptions, transportSettings } from '../transport/retry';
import type { ImportSettings } from './engine';

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
	const options = optionValues as { batchSize?: number; concurrency?: number; validateOnly?: boolean };
	return {
		batchSize: Math.max(1, Math.floor(options.batchSize ?? 50)),
		concurrency: Math.max(1, Math.floor(options.concurrency ?? 2)),
		validateOnly: options.validateOnly === true,
		transport: transportSettings(optionValues),
	};
}
