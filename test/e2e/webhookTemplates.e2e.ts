import { singleProcess } from './harness';
import { describeWebhookTemplates } from './templateChecks/webhookTemplates';

describeWebhookTemplates(singleProcess);
