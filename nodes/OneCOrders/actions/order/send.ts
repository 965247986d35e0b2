import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { importOrders, importSummary } from '../../../shared/import/engine';
import { importOptions, importSettings } from '../../../shared/import/options';
import { orderSourceProperties, readOrders } from '../../../shared/import/orderForm';
import { checkOneCOrder } from '../../../shared/orders/onec/check';
import { ItemResults } from '../../../shared/results/itemResults';
import { encodePath, notFoundAdvice, oneCConnection } from '../../transport';

const show = { show: { resource: ['order'], operation: ['send'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'HTTP Service',
		name: 'service',
		type: 'string',
		required: true,
		default: 'AquaDeliveri',
		description:
			'The Root URL of the HTTP service in 1C, the part after /hs/: in the 1C Configurator under Common → HTTP services (Общие → HTTP-сервисы), the service\'s Root URL (Корневой URL). Ask your 1C administrator.',
		displayOptions: show,
	},
	{
		displayName: 'Service Method URL',
		name: 'method',
		type: 'string',
		required: true,
		default: 'getOrdersURL',
		description: 'The URL template of the service\'s method that takes the orders',
		displayOptions: show,
	},
	...orderSourceProperties(show, 'onec'),
	importOptions(show, '1C'),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const results = new ItemResults(this);
	const connection = oneCConnection(await this.getCredentials('oneCApi'));
	const service = encodePath(String(this.getNodeParameter('service', 0)));
	const method = encodePath(String(this.getNodeParameter('method', 0)));
	const inputs = readOrders(this, 'onec', (itemIndex, error) => results.failure(itemIndex, error));
	const settings = importSettings(this.getNodeParameter('options', 0, {}));
	const counts = await importOrders(
		this,
		{
			system: '1C',
			receiverIdField: 'oneCId',
			credentialType: 'oneCApi',
			url: `${connection.baseUrl}/hs/${service}/${method}`,
			check: checkOneCOrder,
			skipSslCertificateValidation: connection.skipSslCertificateValidation,
			adviceByStatus: notFoundAdvice('HTTP Service and Service Method URL'),
		},
		inputs,
		settings,
		results,
	);
	return results.output(settings.summaryOnly ? importSummary('1C', counts, results, this.getInputData().length) : undefined);
}
