import type { PortalPlugin } from './types';
import { gitlabPlugin } from './plugins/gitlab';
import { jiraPlugin } from './plugins/jira';
import { pagerdutyPlugin } from './plugins/pagerduty';
import { opsgeniePlugin } from './plugins/opsgenie';
import { sonarqubePlugin } from './plugins/sonarqube';
import { snykPlugin } from './plugins/snyk';
import { sentryPlugin } from './plugins/sentry';

/** Source control, issue tracking, on-call and code-quality plugins. */
export const group2: PortalPlugin[] = [
  gitlabPlugin,
  jiraPlugin,
  pagerdutyPlugin,
  opsgeniePlugin,
  sonarqubePlugin,
  snykPlugin,
  sentryPlugin,
];
