import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { importOrders, importSummary } from '../../../shared/import/engine';
import { importOptions, importSettings } from '../../../shared/import/options';
import { orderSourceProperties, readOrders } from '../../../shared/import/orderForm';
import { checkAquaOrder } from '../../../shared/orders/aqua/check';
import { ItemResults } from '../../../shared/results/itemResults';
import { aquaBaseUrl } from '../../transport';

const show = { show: { resource: ['order'], operation: ['import'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'Each order is checked before anything is sent; orders Aqua accepts come out with Aqua\'s ID, which you should store and send back as External ID to avoid duplicates',
		name: 'importNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	...orderSourceProperties(show, 'aqua'),
	importOptions(show, 'Aqua Delivery'),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const results = new ItemResults(this);
	const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('aquaDeliveryApi');
	const inputs = readOrders(this, 'aqua', (itemIndex, error) => results.failure(itemIndex, error));
	const settings = importSettings(this.getNodeParameter('options', 0, {}));
	const counts = await importOrders(
		this,
		{
			system: 'Aqua Delivery',
			receiverIdField: 'aquaId',
			credentialType: 'aquaDeliveryApi',
			url: `${aquaBaseUrl(baseUrl)}/v1/order/import/`,
			check: checkAquaOrder,
		},
		inputs,
		settings,
		results,
	);
	return results.output(settings.summaryOnly ? importSummary('Aqua Delivery', counts, results, this.getInputData().length) : undefined);
}
