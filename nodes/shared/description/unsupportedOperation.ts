import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** The value of the "Custom API Call" entry n8n adds to nodes whose credential can sign any request. */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/**
 * The error for an operation the node does not have. For n8n's "Custom API Call" it says where
 * such a call is made: n8n's HTTP Request node, with this node's credential as a predefined
 * credential type (tested in test/e2e/customApiCall.e2e.ts).
 */
export function unsupportedOperation(node: INode, operation: unknown, credentialName: string): NodeOperationError {
	if (operation === CUSTOM_API_CALL) {
		return new NodeOperationError(node, 'Custom API calls are made with n8n\'s HTTP Request node', {
			description: `In an HTTP Request node set Authentication to "Predefined Credential Type" and pick "${credentialName}": it signs the request as this node does.`,
		});
	}
	return new NodeOperationError(node, `The operation "${String(operation)}" is not supported`);
}
