import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';
import { z } from 'zod/v3';
import {
  PORTAL_ACTION_COUNT,
  PORTAL_PLUGINS,
  portalPlugins,
} from '../dev/portalActions';

/**
 * The realistic portal of dev/portalActions is test data that other tests
 * and the bench rely on: every action must take its own example and answer
 * with an output its schema accepts, and `npm run start:portal` must name
 * every one of its plugins as an action source the dev token may reach.
 */
describe('the realistic portal', () => {
  const actions = PORTAL_PLUGINS.flatMap(plugin =>
    plugin.actions.map(action => ({ pluginId: plugin.pluginId, action })),
  );

  it('is as large and as varied as a real portal', () => {
    expect(PORTAL_ACTION_COUNT).toBeGreaterThanOrEqual(500);
    expect(PORTAL_PLUGINS.length).toBeGreaterThanOrEqual(25);
    const descriptions = new Set(actions.map(a => a.action.description));
    expect(descriptions.size).toBe(actions.length);
    const readOnly = actions.filter(a => a.action.attributes?.readOnly);
    expect(readOnly.length / actions.length).toBeGreaterThan(0.4);
    expect(readOnly.length / actions.length).toBeLessThan(0.8);
  });

  it.each(actions.map(a => [`${a.pluginId}:${a.action.name}`, a.action]))(
    '%s takes its example and answers with a valid output',
    (_id, action) => {
      expect(action.name).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
      const input = action.input(z).parse(action.example);
      expect(() => action.output(z).parse(action.run(input))).not.toThrow();
    },
  );

  it('trims to a given number of actions', () => {
    const trimmed = portalPlugins(500);
    expect(trimmed.reduce((n, p) => n + p.actions.length, 0)).toBe(500);
    expect(portalPlugins().length).toBe(PORTAL_PLUGINS.length);
  });

  it('is served by npm run start:portal with every plugin as a source the dev token reaches', async () => {
    const root = path.resolve(__dirname, '..');
    const config = await ConfigSources.toConfig(
      ConfigSources.defaultForTargets({
        rootDir: root,
        targets: ['app-config.yaml', 'app-config.portal.yaml'].map(file => ({
          type: 'path' as const,
          target: path.join(root, file),
        })),
        // The files read the token and key from the environment.
        substitutionFunc: async () => 'x'.repeat(32),
      }),
    );
    const ids = PORTAL_PLUGINS.map(p => p.pluginId);
    const sources = config.getStringArray('backend.actions.pluginSources');
    expect(sources).toEqual(
      expect.arrayContaining([...ids, 'catalog', 'scaffolder', 'local']),
    );
    const [token] = config.getConfigArray('backend.auth.externalAccess');
    const reachable = token
      .getConfigArray('accessRestrictions')
      .map(r => r.getString('plugin'));
    config.close();
    expect(reachable).toEqual(
      expect.arrayContaining(['mcp-actions', ...sources]),
    );
  });
});
