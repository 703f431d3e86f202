import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsServiceMock } from '@backstage/backend-test-utils/alpha';
import type {
  ActionsService,
  ActionsServiceAction,
} from '@backstage/backend-plugin-api/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { McpServerConfig } from './readToolsConfig';
import { principalKey } from '../mcpServer/principalKey';
import { ToolCatalog } from './ToolCatalog';

function action(pluginId: string, name: string): ActionsServiceAction {
  return {
    id: `${pluginId}:${name}`,
    pluginId,
    name,
    title: name,
    description: `The ${name} action`,
    schema: { input: { type: 'object' }, output: { type: 'object' } },
    attributes: { readOnly: true, destructive: false, idempotent: true },
  };
}

const server: McpServerConfig = {
  name: 'all',
  filter: { include: [], exclude: [] },
};

/**
 * An actions service whose list depends on who asks, as the real one does
 * (each source plugin answers with what the caller may see).
 */
function actionsByPrincipal(visible: Record<string, ActionsServiceAction[]>) {
  const calls: string[] = [];
  const service = actionsServiceMock.mock({
    async list({ credentials }) {
      const key = principalKey(credentials);
      calls.push(key);
      return { actions: visible[key] ?? [] };
    },
  });
  return { service, calls };
}

function catalogWith(
  actions: ActionsService,
  options: {
    ttlMs?: number;
    maxEntries?: number;
    maxBytes?: number;
    now?: () => number;
  } = {},
) {
  return ToolCatalog.create({
    actions,
    logger: mockServices.logger.mock(),
    naming: { namespaced: true, separator: '.' },
    ttlMs: options.ttlMs ?? 30_000,
    maxEntries: options.maxEntries ?? 100,
    maxBytes: options.maxBytes ?? 10_000_000,
    now: options.now,
  });
}

const names = async (catalog: ToolCatalog, credentials: BackstageCredentials) =>
  (await catalog.toolsetFor(credentials, server)).tools.map(t => t.name);

describe('ToolCatalog', () => {
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');

  it('never shows one principal the list of another', async () => {
    const { service } = actionsByPrincipal({
      'user:user:default/alice': [action('hr', 'salaries')],
      'user:user:default/bob': [action('catalog', 'get-entity')],
    });
    const catalog = catalogWith(service);
    // Interleaved and concurrent, with warm caches on both sides.
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([
        names(catalog, alice),
        names(catalog, bob),
      ]);
      expect(a).toEqual(['hr.salaries']);
      expect(b).toEqual(['catalog.get-entity']);
    }
  });

  it('keys services by subject and access restrictions', () => {
    const open = mockCredentials.service('external:mcp-clients');
    const restricted = mockCredentials.service('external:mcp-clients', [
      { plugin: 'mcp-actions' },
    ] as any);
    expect(principalKey(open)).not.toBe(principalKey(restricted));
    expect(principalKey(alice)).not.toBe(principalKey(bob));
    expect(principalKey(alice)).toBe(
      principalKey(mockCredentials.user('user:default/alice')),
    );
  });

  it('lists once per caller within the TTL, and again after it', async () => {
    // Any clock but one at zero, which lru-cache takes for "no start time".
    let now = 50_000;
    const { service, calls } = actionsByPrincipal({
      'user:user:default/alice': [action('a', 'x')],
    });
    const catalog = catalogWith(service, { ttlMs: 1000, now: () => now });
    await Promise.all([
      names(catalog, alice),
      names(catalog, alice),
      names(catalog, alice),
    ]);
    expect(calls).toHaveLength(1);
    now = 51_000;
    await names(catalog, alice);
    expect(calls).toHaveLength(1);
    now = 51_001;
    await names(catalog, alice);
    expect(calls).toHaveLength(2);
  });

  it('lists on every request with a TTL of 0', async () => {
    const { service, calls } = actionsByPrincipal({});
    const catalog = catalogWith(service, { ttlMs: 0 });
    await names(catalog, alice);
    await names(catalog, alice);
    expect(calls).toHaveLength(2);
    expect(catalog.stats).toEqual({ callers: 0, lists: 0, bytes: 0 });
  });

  it('keeps at most maxEntries callers', async () => {
    const { service } = actionsByPrincipal({});
    const catalog = catalogWith(service, { maxEntries: 2 });
    for (const user of ['a', 'b', 'c', 'd']) {
      await names(catalog, mockCredentials.user(`user:default/${user}`));
    }
    expect(catalog.stats.callers).toBe(2);
  });

  it('shares one list among callers who see the same actions', async () => {
    const same = [action('catalog', 'get-entity'), action('k8s', 'get-pods')];
    const visible: Record<string, ActionsServiceAction[]> = {};
    const users = Array.from({ length: 50 }, (_, i) => `user:default/u${i}`);
    for (const user of users) {
      visible[`user:${user}`] = same.map(a => ({ ...a }));
    }
    const { service } = actionsByPrincipal(visible);
    const catalog = catalogWith(service);
    const toolsets = await Promise.all(
      users.map(user => catalog.toolsetFor(mockCredentials.user(user), server)),
    );
    expect(catalog.stats).toMatchObject({ callers: 50, lists: 1 });
    for (const toolset of toolsets) {
      // The same object: one immutable list, and one serialization of it.
      expect(toolset).toBe(toolsets[0]);
    }
  });

  it('gives callers whose lists differ by one action lists of their own', async () => {
    const shared = [action('catalog', 'get-entity'), action('k8s', 'get-pods')];
    const { service } = actionsByPrincipal({
      'user:user:default/alice': [...shared, action('k8s', 'delete-pod')],
      'user:user:default/bob': shared,
      'user:user:default/carol': shared.map(a => ({ ...a })),
    });
    const catalog = catalogWith(service);
    const carol = mockCredentials.user('user:default/carol');
    for (let i = 0; i < 2; i++) {
      expect(await names(catalog, alice)).toEqual([
        'catalog.get-entity',
        'k8s.delete-pod',
        'k8s.get-pods',
      ]);
      expect(await names(catalog, bob)).toEqual([
        'catalog.get-entity',
        'k8s.get-pods',
      ]);
      expect(await names(catalog, carol)).toEqual([
        'catalog.get-entity',
        'k8s.get-pods',
      ]);
    }
    expect(catalog.stats).toMatchObject({ callers: 3, lists: 2 });
    expect(await catalog.toolsetFor(bob, server)).toBe(
      await catalog.toolsetFor(carol, server),
    );
    expect(await catalog.toolsetFor(alice, server)).not.toBe(
      await catalog.toolsetFor(bob, server),
    );
  });

  it('stays within its byte budget, and rebuilds an evicted list', async () => {
    const visible: Record<string, ActionsServiceAction[]> = {};
    for (let i = 0; i < 20; i++) {
      // Each caller sees a list of their own.
      visible[`user:user:default/u${i}`] = [action('p', `only-u${i}`)];
    }
    const { service, calls } = actionsByPrincipal(visible);
    const catalog = catalogWith(service, { maxBytes: 10_000 });
    for (let i = 0; i < 20; i++) {
      await names(catalog, mockCredentials.user(`user:default/u${i}`));
    }
    const { lists, bytes, callers } = catalog.stats;
    expect(bytes).toBeLessThanOrEqual(10_000);
    expect(lists).toBeLessThan(20);
    expect(callers).toBe(20);
    // The first caller's list was dropped: listed again, and still theirs.
    expect(
      await names(catalog, mockCredentials.user('user:default/u0')),
    ).toEqual(['p.only-u0']);
    expect(calls.filter(c => c === 'user:user:default/u0')).toHaveLength(2);
  });

  it('holds nothing for callers who went away, two TTLs after their last request', async () => {
    jest.useFakeTimers();
    try {
      const { service } = actionsByPrincipal({
        'user:user:default/alice': [action('a', 'x')],
        'user:user:default/bob': [action('a', 'x')],
      });
      const catalog = catalogWith(service, { ttlMs: 1000, now: Date.now });
      await names(catalog, alice);
      await names(catalog, bob);
      expect(catalog.stats).toMatchObject({ callers: 2, lists: 1 });
      // Nobody asks for anything any more; the caches purge on their own.
      await jest.advanceTimersByTimeAsync(2000);
      expect(catalog.stats).toEqual({ callers: 0, lists: 0, bytes: 0 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not keep a failed listing', async () => {
    let fail = true;
    const service = actionsServiceMock.mock({
      async list() {
        if (fail) {
          throw new Error('source down');
        }
        return { actions: [action('a', 'x')] };
      },
    });
    const catalog = catalogWith(service);
    await expect(names(catalog, alice)).rejects.toThrow('source down');
    fail = false;
    expect(await names(catalog, alice)).toEqual(['a.x']);
  });

  it('skips an action that cannot be a tool with one warning', async () => {
    const logger = mockServices.logger.mock();
    // The catalog logs through a child logger of its own.
    logger.child.mockReturnValue(logger);
    const bad = {
      ...action('a', 'bad'),
      schema: { input: { type: 'string' }, output: {} },
    } as ActionsServiceAction;
    const service = actionsServiceMock.mock({
      async list() {
        return { actions: [bad, action('a', 'good')] };
      },
    });
    const catalog = ToolCatalog.create({
      actions: service,
      logger,
      naming: { namespaced: true, separator: '.' },
      ttlMs: 0,
      maxEntries: 10,
      maxBytes: 1_000_000,
    });
    expect(await names(catalog, alice)).toEqual(['a.good']);
    expect(await names(catalog, bob)).toEqual(['a.good']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][1]).toMatchObject({ action: 'a:bad' });
  });

  it('warns once naming both actions when short names collide', async () => {
    const logger = mockServices.logger.mock();
    // The catalog logs through a child logger of its own.
    logger.child.mockReturnValue(logger);
    const service = actionsServiceMock.mock({
      async list() {
        return { actions: [action('one', 'get'), action('two', 'get')] };
      },
    });
    const catalog = ToolCatalog.create({
      actions: service,
      logger,
      naming: { namespaced: false, separator: '.' },
      ttlMs: 0,
      maxEntries: 10,
      maxBytes: 1_000_000,
    });
    expect((await names(catalog, alice)).sort()).toEqual([
      'one.get',
      'two.get',
    ]);
    await names(catalog, bob);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][1]).toEqual({
      actions: 'one:get, two:get',
    });
  });
});
