import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CallerCatalog } from '../catalog/CallerCatalog';
import { CatalogCompletions } from './CatalogCompletions';

const credentials = mockCredentials.user('user:default/alice');

function completionsOver(
  items: Array<{ kind: string; name: string; namespace?: string }>,
) {
  const queryEntities = jest.fn().mockResolvedValue({
    items: items.map(({ kind, name, namespace }) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace: namespace ?? 'default' },
    })),
    totalItems: 0,
    pageInfo: {},
  });
  const catalog = CallerCatalog.create({
    catalog: catalogServiceMock.mock({ queryEntities }),
    logger: mockServices.logger.mock(),
  });
  return { queryEntities, completions: new CatalogCompletions(catalog) };
}

describe('CatalogCompletions', () => {
  it('offers at most 100 of a fixed list, those that start with what was typed first', async () => {
    const { completions } = completionsOver([]);
    const values = Array.from({ length: 150 }, (_, i) => `env-${i}`);
    const result = await completions.complete(
      credentials,
      { from: 'values', values: ['staging', 'prod', 'preprod', ...values] },
      'PROD',
    );
    expect(result).toEqual({
      values: ['prod', 'preprod'],
      total: 2,
      hasMore: false,
    });
    const many = await completions.complete(
      credentials,
      { from: 'values', values },
      'env',
    );
    expect(many.values).toHaveLength(100);
    expect(many).toMatchObject({ total: 150, hasMore: true });
  });

  it('searches refs by the name part within a kind and namespace typed out', async () => {
    const { completions, queryEntities } = completionsOver([
      { kind: 'Group', name: 'platform-team' },
      { kind: 'Group', name: 'the-platform' },
    ]);
    const result = await completions.complete(
      credentials,
      { from: 'entityRef', kinds: ['group', 'user'] },
      'group:default/plat',
    );
    expect(result.values).toEqual(['group:default/platform-team']);
    expect(queryEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: { kind: 'group', 'metadata.namespace': 'default' },
        fullTextFilter: { term: 'plat', fields: ['metadata.name'] },
        limit: 101,
      }),
      { credentials },
    );
  });

  it('asks nothing for a kind the argument does not offer', async () => {
    const { completions, queryEntities } = completionsOver([]);
    await expect(
      completions.complete(
        credentials,
        { from: 'entityRef', kinds: ['group', 'user'] },
        'component:default/x',
      ),
    ).resolves.toEqual({ values: [], hasMore: false });
    expect(queryEntities).not.toHaveBeenCalled();
  });

  it('ranks refs whose name starts with what was typed first', async () => {
    const { completions } = completionsOver([
      { kind: 'System', name: 'developer-portal' },
      { kind: 'Component', name: 'portal-backend' },
    ]);
    const result = await completions.complete(
      credentials,
      { from: 'entityRef' },
      'portal',
    );
    expect(result.values).toEqual([
      'component:default/portal-backend',
      'system:default/developer-portal',
    ]);
  });
});
