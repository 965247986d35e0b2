import { singleProcess } from './harness';
import { describeScheduledTemplates } from './templateChecks/scheduledTemplates';

describeScheduledTemplates(singleProcess);
