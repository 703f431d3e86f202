import { PortalPlugin } from './types';
import { circleciPlugin } from './plugins/circleci';
import { confluencePlugin } from './plugins/confluence';
import { grafanaPlugin } from './plugins/grafana';
import { jenkinsPlugin } from './plugins/jenkins';
import { launchdarklyPlugin } from './plugins/launchdarkly';
import { linearPlugin } from './plugins/linear';
import { slackPlugin } from './plugins/slack';
import { statuspagePlugin } from './plugins/statuspage';

export const group4: PortalPlugin[] = [
  grafanaPlugin,
  jenkinsPlugin,
  circleciPlugin,
  confluencePlugin,
  slackPlugin,
  linearPlugin,
  launchdarklyPlugin,
  statuspagePlugin,
];
