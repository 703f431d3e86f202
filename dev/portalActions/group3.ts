import { PortalPlugin } from './types';
import { awsPlugin } from './plugins/aws';
import { azureDevopsPlugin } from './plugins/azure-devops';
import { costInsightsPlugin } from './plugins/cost-insights';
import { datadogPlugin } from './plugins/datadog';
import { gcpPlugin } from './plugins/gcp';
import { terraformPlugin } from './plugins/terraform';
import { vaultPlugin } from './plugins/vault';

export const group3: PortalPlugin[] = [
  costInsightsPlugin,
  awsPlugin,
  gcpPlugin,
  azureDevopsPlugin,
  terraformPlugin,
  vaultPlugin,
  datadogPlugin,
];
