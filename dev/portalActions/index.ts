import {
  createBackendPlugin,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { group1 } from './group1';
import { group2 } from './group2';
import { group3 } from './group3';
import { group4 } from './group4';
import type { PortalPlugin } from './types';

export type { PortalAction, PortalPlugin } from './types';

/**
 * A realistic portal: the plugins of a large Backstage installation and
 * the actions each registers, written by hand to read like real ones
 * (varied names, descriptions of one to three sentences, nested input
 * schemas, output schemas). Tests and the bench use it wherever the size or
 * the compressibility of a tool list matters; `MCP_PORTAL_ACTIONS=1 npm
 * start` serves it beside the dev backend's own actions.
 */
export const PORTAL_PLUGINS: readonly PortalPlugin[] = [
  ...group1,
  ...group2,
  ...group3,
  ...group4,
];

/**
 * The portal's plugins, trimmed to `count` actions in all (all of them
 * when `count` is undefined or larger than the portal); plugins left empty
 * are dropped.
 */
export function portalPlugins(count?: number): PortalPlugin[] {
  let left = count ?? Infinity;
  const plugins: PortalPlugin[] = [];
  for (const plugin of PORTAL_PLUGINS) {
    if (left <= 0) {
      break;
    }
    const actions = plugin.actions.slice(0, left);
    left -= actions.length;
    plugins.push({ pluginId: plugin.pluginId, actions });
  }
  return plugins;
}

/** How many actions the whole portal registers. */
export const PORTAL_ACTION_COUNT = PORTAL_PLUGINS.reduce(
  (n, p) => n + p.actions.length,
  0,
);

/** One Backstage plugin per portal plugin, registering its actions. */
export function createPortalActionsPlugins(
  plugins: readonly PortalPlugin[] = PORTAL_PLUGINS,
): BackendFeature[] {
  return plugins.map(plugin =>
    createBackendPlugin({
      pluginId: plugin.pluginId,
      register(env) {
        env.registerInit({
          deps: { registry: actionsRegistryServiceRef },
          async init({ registry }) {
            for (const action of plugin.actions) {
              registry.register({
                name: action.name,
                title: action.title,
                description: action.description,
                attributes: action.attributes,
                schema: { input: action.input, output: action.output },
                examples: [{ title: action.title, input: action.example }],
                action: async ({ input }) => ({ output: action.run(input) }),
              });
            }
          },
        });
      },
    }),
  );
}
