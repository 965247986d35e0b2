import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { additionalDataFor } from '../../harness/additionalData';
import { TestCredentialsHelper } from '../../harness/credentialsHelper';
import { PACKAGE_NAME, PackageTypes } from '../../harness/packageTypes';

const CREDENTIAL = 'horoshopApi';

/** What n8n builds to fill a dropdown of the Horoshop node (a `loadOptionsMethod`). */
export function loadOptionsContext(credentials: ICredentialDataDecryptedObject): LoadOptionsContext {
	const types = new PackageTypes();
	const node: INode = {
		id: 'horoshop',
		name: 'Horoshop',
		type: `${PACKAGE_NAME}.horoshop`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'order', operation: 'getAll' },
		credentials: { [CREDENTIAL]: { id: CREDENTIAL, name: CREDENTIAL } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: types });
	const credentialsHelper = new TestCredentialsHelper(types, { [CREDENTIAL]: credentials });
	return new LoadOptionsContext(workflow, node, additionalDataFor(credentialsHelper), 'parameters.filters.statuses');
}
