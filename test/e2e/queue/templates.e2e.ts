import { queueMode } from './queueEnvironment';
import { describeScheduledTemplates } from '../templateChecks/scheduledTemplates';
import { describeWebhookTemplates } from '../templateChecks/webhookTemplates';

describeScheduledTemplates(queueMode);
describeWebhookTemplates(queueMode);
