import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CallerCatalog } from './CallerCatalog';

/** A ResponseError as the catalog client throws it for `status`. */
function responseError(status: number) {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText: 'Failed',
    url: 'http://localhost/api/catalog/entities/by-query',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () =>
      JSON.stringify({ error: { name: 'Error', message: 'Failed' } }),
  } as unknown as Response & { text(): Promise<string> });
}

describe('CallerCatalog', () => {
  const credentials = mockCredentials.user('user:default/alice');

  function callerCatalog(error: Error) {
    const logger = mockServices.logger.mock();
    const catalog = catalogServiceMock.mock({
      queryEntities: jest.fn().mockRejectedValue(error),
      getEntityFacets: jest.fn().mockRejectedValue(error),
    });
    return { logger, catalog: CallerCatalog.create({ catalog, logger }) };
  }

  it('reads a catalog that answers 404 (no catalog plugin) as empty, and says so once', async () => {
    const { logger, catalog } = callerCatalog(await responseError(404));
    await expect(
      catalog.query(credentials, { filter: {}, limit: 10 }),
    ).resolves.toEqual({ items: [], hasMore: false });
    await expect(catalog.facet(credentials, 'kind')).resolves.toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('The catalog answered 404'),
      { component: 'catalog' },
    );
  });

  it('reads the catalog of a caller who may not reach it as empty', async () => {
    for (const error of [
      new NotAllowedError(
        "Access to target plugin 'catalog' is not included in token's access restrictions",
      ),
      await responseError(403),
    ]) {
      const { logger, catalog } = callerCatalog(error);
      await expect(
        catalog.query(credentials, { filter: {}, limit: 10 }),
      ).resolves.toEqual({ items: [], hasMore: false });
      expect(logger.warn).not.toHaveBeenCalled();
    }
  });

  it('passes any other failure on', async () => {
    const { catalog } = callerCatalog(await responseError(500));
    await expect(
      catalog.query(credentials, { filter: {}, limit: 10 }),
    ).rejects.toMatchObject({ statusCode: 500 });
  });

  it("asks for one entity more than the page, with the caller's credentials", async () => {
    const entity = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
    });
    const queryEntities = jest.fn().mockResolvedValue({
      items: [entity('a'), entity('b'), entity('c')],
      totalItems: 0,
      pageInfo: {},
    });
    const catalog = CallerCatalog.create({
      catalog: catalogServiceMock.mock({ queryEntities }),
      logger: mockServices.logger.mock(),
    });
    await expect(
      catalog.query(credentials, { filter: { kind: 'component' }, limit: 2 }),
    ).resolves.toEqual({ items: [entity('a'), entity('b')], hasMore: true });
    expect(queryEntities).toHaveBeenCalledWith(
      { filter: { kind: 'component' }, limit: 3, totalItems: 'exclude' },
      { credentials },
    );
  });
});
