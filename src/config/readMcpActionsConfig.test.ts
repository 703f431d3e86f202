import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { McpActionsConfig, readMcpActionsConfig } from './readMcpActionsConfig';

function read(data: JsonObject): McpActionsConfig {
  return readMcpActionsConfig(new ConfigReader(data));
}

function withMcp(mcpActions: JsonObject): JsonObject {
  return { mcpActions };
}

function withServer(key: string, server: JsonObject): JsonObject {
  return withMcp({ servers: { [key]: server } });
}

function withRule(
  list: 'include' | 'exclude',
  rule: JsonObject,
  key = 'catalog',
): JsonObject {
  return withServer(key, { name: 'Catalog', filter: { [list]: [rule] } });
}

describe('readMcpActionsConfig', () => {
  describe('defaults', () => {
    const defaults = read({});

    it.each<[string, (c: McpActionsConfig) => unknown, unknown]>([
      ['default server name', c => c.servers[0].name, 'backstage'],
      ['a single default server', c => c.servers.length, 1],
      ['default server without key', c => c.servers[0].key, undefined],
      [
        'default server with an empty filter',
        c => c.servers[0].filter,
        { include: [], exclude: [] },
      ],
      ['namespacedToolNames', c => c.namespacedToolNames, true],
      ['toolNameSeparator', c => c.toolNameSeparator, '.'],
      ['cache.ttlMs', c => c.cache.ttlMs, 30_000],
      ['cache.maxEntries', c => c.cache.maxEntries, 1000],
      ['cache.maxBytes', c => c.cache.maxBytes, 64 * 1024 * 1024],
      ['toolCallTimeoutMs', c => c.toolCallTimeoutMs, 120_000],
      ['maxRequestBytes', c => c.maxRequestBytes, 1_000_000],
      ['sse.maxSessions', c => c.sse.maxSessions, 1000],
      ['sse.maxSessionsPerPrincipal', c => c.sse.maxSessionsPerPrincipal, 20],
      ['sse.idleTimeoutMs', c => c.sse.idleTimeoutMs, 30 * 60_000],
      ['sse.keepAliveMs', c => c.sse.keepAliveMs, 15_000],
      ['captureToolPayloads', c => c.captureToolPayloads, false],
      ['no warnings', c => c.warnings, []],
      ['confirmDestructive', c => c.confirmDestructive, false],
      [
        'confirmDestructiveFallback',
        c => c.confirmDestructiveFallback,
        'refuse',
      ],
      [
        'secrets',
        c => c.secrets,
        {
          encryptionKey: undefined,
          ttlMs: 600_000,
          requestTtlMs: 600_000,
          signIn: {
            providers: [],
            environment: 'development',
            appUrl: undefined,
          },
        },
      ],
      ['oauthEnabled', c => c.oauthEnabled, false],
      [
        'resources on the default server only',
        c => [c.resources.defaultServer?.pageSize, c.resources.servers.size],
        [100, 0],
      ],
      [
        'template prompts on the default server only',
        c => [c.prompts.defaultServer, c.prompts.servers.size],
        [{ templates: true, custom: [] }, 0],
      ],
    ])('%s', (_label, pick, expected) => {
      expect(pick(defaults)).toEqual(expected);
    });

    it('reads an empty mcpActions section like an absent one', () => {
      const { allowedOrigins, ...rest } = read(withMcp({}));
      const { allowedOrigins: _ignored, ...expected } = defaults;
      expect(rest).toEqual(expected);
    });
  });

  describe('plain values', () => {
    it.each<[string, JsonObject, (c: McpActionsConfig) => unknown, unknown]>([
      [
        'name',
        { name: 'my-backstage' },
        c => c.servers[0].name,
        'my-backstage',
      ],
      [
        'description',
        { description: 'desc' },
        c => c.servers[0].description,
        'desc',
      ],
      [
        'instructions',
        { instructions: 'do it' },
        c => c.servers[0].instructions,
        'do it',
      ],
      [
        'namespacedToolNames',
        { namespacedToolNames: false },
        c => c.namespacedToolNames,
        false,
      ],
      [
        'toolNameSeparator _',
        { toolNameSeparator: '_' },
        c => c.toolNameSeparator,
        '_',
      ],
      [
        'toolNameSeparator __',
        { toolNameSeparator: '__' },
        c => c.toolNameSeparator,
        '__',
      ],
      [
        'toolNameSeparator .',
        { toolNameSeparator: '.' },
        c => c.toolNameSeparator,
        '.',
      ],
      [
        'cache.maxEntries',
        { cache: { maxEntries: 5 } },
        c => c.cache.maxEntries,
        5,
      ],
      [
        'cache.maxBytes in bytes',
        { cache: { maxBytes: 1_000_000 } },
        c => c.cache.maxBytes,
        1_000_000,
      ],
      [
        'cache.maxBytes with a unit',
        { cache: { maxBytes: '16 MB' } },
        c => c.cache.maxBytes,
        16 * 1024 * 1024,
      ],
      [
        'maxRequestBytes',
        { maxRequestBytes: 2048 },
        c => c.maxRequestBytes,
        2048,
      ],
      [
        'sse.maxSessions',
        { sse: { maxSessions: 3 } },
        c => c.sse.maxSessions,
        3,
      ],
      [
        'sse.maxSessionsPerPrincipal',
        { sse: { maxSessionsPerPrincipal: 2 } },
        c => c.sse.maxSessionsPerPrincipal,
        2,
      ],
      [
        'tracing.capture.toolPayload',
        { tracing: { capture: { toolPayload: true } } },
        c => c.captureToolPayloads,
        true,
      ],
      [
        'the deprecated captureToolPayloads',
        { captureToolPayloads: true },
        c => c.captureToolPayloads,
        true,
      ],
      [
        'tracing.capture.toolPayload over the deprecated alias',
        {
          captureToolPayloads: true,
          tracing: { capture: { toolPayload: false } },
        },
        c => c.captureToolPayloads,
        false,
      ],
      [
        'a warning for the deprecated alias',
        { captureToolPayloads: false },
        c => c.warnings,
        [
          "'mcpActions.captureToolPayloads' is deprecated; use 'mcpActions.tracing.capture.toolPayload' instead",
        ],
      ],
    ])('%s', (_label, mcpActions, pick, expected) => {
      expect(pick(read(withMcp(mcpActions)))).toEqual(expected);
    });
  });

  describe('durations', () => {
    type Pick = (c: McpActionsConfig) => number;
    const keys: Array<[string, JsonObject, Pick]> = [
      ['cache.ttl', {}, c => c.cache.ttlMs],
      ['toolCallTimeout', {}, c => c.toolCallTimeoutMs],
      ['sse.idleTimeout', {}, c => c.sse.idleTimeoutMs],
      ['sse.keepAliveInterval', {}, c => c.sse.keepAliveMs],
    ];
    const values: Array<[string, JsonObject | number | string, number]> = [
      ['a number of milliseconds', 5000, 5000],
      ['a "5s" string', '5s', 5000],
      ['a "2 minutes" string', '2 minutes', 120_000],
      ['an ISO 8601 string', 'PT1M', 60_000],
      ['a { seconds: 5 } object', { seconds: 5 }, 5000],
      [
        'a { minutes: 1, seconds: 30 } object',
        { minutes: 1, seconds: 30 },
        90_000,
      ],
    ];
    const cases = keys.flatMap(([key, , pick]) =>
      values.map(
        ([label, value, ms]) => [key, label, value, pick, ms] as const,
      ),
    );

    function set(key: string, value: JsonObject | number | string): JsonObject {
      const [first, second] = key.split('.');
      return withMcp(
        second ? { [first]: { [second]: value } } : { [first]: value },
      );
    }

    it.each(cases)('reads %s as %s', (key, _label, value, pick, ms) => {
      expect(pick(read(set(key, value)))).toBe(ms);
    });

    it.each<[string, JsonObject | number | string]>([
      ['the number 0', 0],
      ['the string "0s"', '0s'],
      ['{ seconds: 0 }', { seconds: 0 }],
    ])('allows cache.ttl to be %s', (_label, value) => {
      expect(read(set('cache.ttl', value)).cache.ttlMs).toBe(0);
    });

    it.each<[string, JsonObject | number | string]>([
      ['toolCallTimeout', 0],
      ['toolCallTimeout', '0s'],
      ['toolCallTimeout', { seconds: 0 }],
      ['sse.idleTimeout', 0],
      ['sse.keepAliveInterval', 0],
    ])('rejects %s of %j as not greater than zero', (key, value) => {
      expect(() => read(set(key, value))).toThrow(
        `Invalid duration at 'mcpActions.${key}': must be greater than zero`,
      );
    });

    it.each<[string, number]>([
      ['cache.ttl', -1],
      ['toolCallTimeout', -1000],
    ])('rejects a negative %s', (key, value) => {
      expect(() => read(set(key, value))).toThrow(
        new RegExp(
          `^Invalid duration at 'mcpActions\\.${key.replace('.', '\\.')}': must be`,
        ),
      );
    });

    it.each<[string, JsonObject | string, string]>([
      ['cache.ttl', 'soon', 'Not a valid duration string'],
      ['toolCallTimeout', 'abc', 'Not a valid duration string'],
      ['toolCallTimeout', { fortnights: 1 }, 'Needs one or more of'],
      ['sse.idleTimeout', { seconds: 1, ages: 2 }, "Unknown property 'ages'"],
    ])('rejects %s of %j naming the key', (key, value, detail) => {
      let message = '';
      try {
        read(set(key, value));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(
        new RegExp(
          `^Invalid duration at 'mcpActions\\.${key.replace('.', '\\.')}': `,
        ),
      );
      expect(message).toContain(detail);
    });
  });

  describe('named servers', () => {
    it('reads servers after the default one, with compiled globs', () => {
      const config = read(
        withMcp({
          servers: {
            catalog: {
              name: 'Catalog',
              description: 'Catalog tools',
              instructions: 'Use wisely',
              filter: {
                include: [
                  { id: 'catalog:*' },
                  { attributes: { readOnly: true } },
                ],
                exclude: [
                  {
                    id: '*:delete-*',
                    attributes: { destructive: true, idempotent: false },
                  },
                ],
              },
            },
            'read-only-2': { name: 'Read only' },
          },
        }),
      );

      expect(config.servers.map(s => [s.key, s.name])).toEqual([
        [undefined, 'backstage'],
        ['catalog', 'Catalog'],
        ['read-only-2', 'Read only'],
      ]);

      const catalog = config.servers[1];
      expect(catalog.description).toBe('Catalog tools');
      expect(catalog.instructions).toBe('Use wisely');
      expect(catalog.filter.include).toHaveLength(2);
      expect(catalog.filter.include[0].id).toBe('catalog:*');
      expect(
        catalog.filter.include[0].idMatcher?.match('catalog:get-entity'),
      ).toBe(true);
      expect(
        catalog.filter.include[0].idMatcher?.match('scaffolder:get-entity'),
      ).toBe(false);
      expect(catalog.filter.include[0].attributes).toBeUndefined();
      expect(catalog.filter.include[1]).toEqual({
        attributes: { readOnly: true },
      });
      expect(catalog.filter.exclude[0].id).toBe('*:delete-*');
      expect(
        catalog.filter.exclude[0].idMatcher?.match('catalog:delete-entity'),
      ).toBe(true);
      expect(catalog.filter.exclude[0].attributes).toEqual({
        destructive: true,
        idempotent: false,
      });

      expect(config.servers[2].filter).toEqual({ include: [], exclude: [] });
    });

    it('serves only the named servers with defaultServer: false', () => {
      const config = read(
        withMcp({
          defaultServer: false,
          servers: { catalog: { name: 'Catalog' } },
        }),
      );
      expect(config.servers).toHaveLength(1);
      expect(config.servers[0].key).toBe('catalog');
    });

    it.each([
      'catalog',
      'a',
      'abc-def',
      'team-a-tools',
      'team-2',
      'v1',
      'well-knowns',
    ])('accepts the server key %p', key => {
      expect(read(withServer(key, { name: 'x' })).servers[1].key).toBe(key);
    });
  });

  describe('errors', () => {
    it.each<[string, JsonObject, string]>([
      [
        'an uppercase server key',
        withServer('Catalog', { name: 'x' }),
        `Invalid MCP server key "Catalog" at 'mcpActions.servers.Catalog': use lowercase letters, digits and hyphens, starting with a letter or digit`,
      ],
      [
        'a server key with an underscore',
        withServer('my_server', { name: 'x' }),
        `Invalid MCP server key "my_server" at 'mcpActions.servers.my_server': use lowercase letters, digits and hyphens, starting with a letter or digit`,
      ],
      [
        'the reserved server key sse',
        withServer('sse', { name: 'x' }),
        `Invalid MCP server key "sse" at 'mcpActions.servers.sse': it clashes with a route of the plugin (reserved: sse, messages, well-known, mcp)`,
      ],
      [
        'the reserved server key messages',
        withServer('messages', { name: 'x' }),
        `Invalid MCP server key "messages" at 'mcpActions.servers.messages': it clashes with a route of the plugin (reserved: sse, messages, well-known, mcp)`,
      ],
      [
        'the reserved server key well-known',
        withServer('well-known', { name: 'x' }),
        `Invalid MCP server key "well-known" at 'mcpActions.servers.well-known': it clashes with a route of the plugin (reserved: sse, messages, well-known, mcp)`,
      ],
      [
        'the reserved server key mcp',
        withServer('mcp', { name: 'x' }),
        `Invalid MCP server key "mcp" at 'mcpActions.servers.mcp': it clashes with a route of the plugin (reserved: sse, messages, well-known, mcp)`,
      ],
      [
        'a server without a name',
        withServer('catalog', { description: 'no name' }),
        `Missing required config value at 'mcpActions.servers.catalog.name'`,
      ],
      [
        'a server with a blank name',
        withServer('catalog', { name: '   ' }),
        `Missing required config value at 'mcpActions.servers.catalog.name'`,
      ],
      [
        'a blank glob',
        withRule('include', { id: '   ' }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0].id': the glob is empty`,
      ],
      [
        'a glob minimatch cannot compile (a comment)',
        withRule('exclude', { id: '#catalog:*' }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.exclude[0].id': "#catalog:*" is not a valid glob`,
      ],
      [
        'an unknown attribute',
        withRule('include', { attributes: { foo: true } }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0].attributes.foo': unknown attribute; use one of destructive, readOnly, idempotent`,
      ],
      [
        'a string attribute value',
        withRule('include', { attributes: { readOnly: 'yes' } }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0].attributes.readOnly': expected true or false, got "yes"`,
      ],
      [
        'a "true" string attribute value',
        withRule('exclude', { attributes: { destructive: 'true' } }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.exclude[0].attributes.destructive': expected true or false, got "true"`,
      ],
      [
        'a numeric attribute value',
        withRule('include', { attributes: { idempotent: 1 } }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0].attributes.idempotent': expected true or false, got 1`,
      ],
      [
        'an object attribute value',
        withRule('include', { attributes: { readOnly: { a: 1 } } }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0].attributes.readOnly': expected true or false, got {"a":1}`,
      ],
      [
        'an empty rule',
        withRule('include', {}),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0]': a rule needs an "id" glob or at least one attribute`,
      ],
      [
        'a rule with empty attributes',
        withRule('exclude', { attributes: {} }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.exclude[0]': a rule needs an "id" glob or at least one attribute`,
      ],
      [
        'an unknown key in a rule',
        withRule('include', { id: 'catalog:*', pattern: 'x' }),
        `Invalid filter rule at 'mcpActions.servers.catalog.filter.include[0]': unknown key "pattern"; a rule has "id" and/or "attributes"`,
      ],
      [
        'an invalid toolNameSeparator',
        withMcp({ toolNameSeparator: '-' }),
        `Invalid config at 'mcpActions.toolNameSeparator': "-" is not one of ".", "_", "__"`,
      ],
      [
        'a toolNameSeparator of ":"',
        withMcp({ toolNameSeparator: ':' }),
        `Invalid config at 'mcpActions.toolNameSeparator': ":" is not one of ".", "_", "__"`,
      ],
      [
        'no servers at all',
        withMcp({ defaultServer: false }),
        `Invalid config at 'mcpActions.defaultServer': the default server is turned off and no 'mcpActions.servers' are configured, so there is nothing to serve`,
      ],
      [
        'no servers at all (empty servers)',
        withMcp({ defaultServer: false, servers: {} }),
        `Invalid config at 'mcpActions.defaultServer': the default server is turned off and no 'mcpActions.servers' are configured, so there is nothing to serve`,
      ],
      [
        'a fractional maxRequestBytes',
        withMcp({ maxRequestBytes: 1.5 }),
        `Invalid config at 'mcpActions.maxRequestBytes': expected a whole number greater than zero, got 1.5`,
      ],
      [
        'a zero maxRequestBytes',
        withMcp({ maxRequestBytes: 0 }),
        `Invalid config at 'mcpActions.maxRequestBytes': expected a whole number greater than zero, got 0`,
      ],
      [
        'a negative maxRequestBytes',
        withMcp({ maxRequestBytes: -10 }),
        `Invalid config at 'mcpActions.maxRequestBytes': expected a whole number greater than zero, got -10`,
      ],
      [
        'a fractional cache.maxEntries',
        withMcp({ cache: { maxEntries: 2.5 } }),
        `Invalid config at 'mcpActions.cache.maxEntries': expected a whole number greater than zero, got 2.5`,
      ],
      [
        'a cache.maxBytes that is no size',
        withMcp({ cache: { maxBytes: 'lots' } }),
        `Invalid config at 'mcpActions.cache.maxBytes': expected a size in bytes greater than zero, such as 67108864 or "64 MB", got "lots"`,
      ],
      [
        'a zero sse.maxSessions',
        withMcp({ sse: { maxSessions: 0 } }),
        `Invalid config at 'mcpActions.sse.maxSessions': expected a whole number greater than zero, got 0`,
      ],
      [
        'confirmDestructive without a key',
        withMcp({ confirmDestructive: true }),
        "Missing required config value at 'mcpActions.secrets.encryptionKey': mcpActions.confirmDestructive signs the state of its confirmation rounds with it, and every replica needs the same key",
      ],
      [
        'an unknown confirmDestructiveFallback',
        withMcp({ confirmDestructiveFallback: 'ask-later' }),
        `Invalid config at 'mcpActions.confirmDestructiveFallback': "ask-later" is not one of "refuse", "run"`,
      ],
      [
        'a short secrets.encryptionKey',
        withMcp({ secrets: { encryptionKey: 'short' } }),
        `Invalid config at 'mcpActions.secrets.encryptionKey': use at least 32 characters (e.g. the output of "openssl rand -base64 32")`,
      ],
    ])('rejects %s', (_label, data, message) => {
      expect(() => read(data)).toThrow(message);
      // The message is the plugin's own, in full.
      expect(() => read(data)).toThrow(
        new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
    });

    it('names the index of the offending rule', () => {
      const data = withServer('catalog', {
        name: 'Catalog',
        filter: {
          exclude: [
            { id: 'catalog:*' },
            { id: 'x:*' },
            { attributes: { nope: true } },
          ],
        },
      });
      expect(() => read(data)).toThrow(
        `'mcpActions.servers.catalog.filter.exclude[2].attributes.nope'`,
      );
    });

    it('rejects an empty glob, naming its key (reported by the config reader)', () => {
      // `''` never reaches the plugin's own "the glob is empty" check: the
      // Backstage config reader refuses empty strings first.
      expect(() => read(withRule('include', { id: '' }))).toThrow(
        `'mcpActions.servers.catalog.filter.include[0].id'`,
      );
    });

    it('rejects a non-number maxRequestBytes, naming its key (reported by the config reader)', () => {
      expect(() => read(withMcp({ maxRequestBytes: 'lots' }))).toThrow(
        `'mcpActions.maxRequestBytes'`,
      );
    });

    it('rejects the server key "-foo" with a message naming its path', () => {
      expect(() => read(withServer('-foo', { name: 'x' }))).toThrow(
        `Invalid MCP server key "-foo" at 'mcpActions.servers.-foo': use lowercase letters, digits and hyphens, starting with a letter or digit`,
      );
    });

    // Backstage's config reader refuses these keys; the plugin reads them.
    it.each(['1abc', '2fa-tools', 'foo-', 'a--b'])(
      'accepts the server key %p',
      key => {
        expect(read(withServer(key, { name: 'x' })).servers[1].key).toBe(key);
      },
    );
  });

  describe('allowedOrigins', () => {
    const config = read({
      backend: {
        baseUrl: 'http://localhost:7007',
        cors: {
          origin: ['https://*.example.com', 'http://tools.internal:8080'],
        },
      },
      app: { baseUrl: 'http://localhost:3000/some/path' },
    });

    it.each<[string, boolean]>([
      ['http://localhost:7007', true],
      ['http://localhost:3000', true],
      ['https://portal.example.com', true],
      ['https://a.b.example.com', true],
      ['https://PORTAL.EXAMPLE.COM', true],
      ['http://tools.internal:8080', true],
      ['https://evil.com', false],
      ['https://portal.example.com.evil.com', false],
      ['http://portal.example.com', false],
      ['http://localhost:7008', false],
      ['https://localhost:7007', false],
      ['http://tools.internal', false],
      ['null', false],
    ])('with an array of globs, %s is allowed: %p', (origin, allowed) => {
      expect(config.allowedOrigins(origin)).toBe(allowed);
    });

    it.each<[string, JsonObject, string, boolean]>([
      [
        'backend.baseUrl origin',
        { backend: { baseUrl: 'https://backstage.acme.org/' } },
        'https://backstage.acme.org',
        true,
      ],
      [
        'app.baseUrl origin',
        { app: { baseUrl: 'https://app.acme.org:8443/ui' } },
        'https://app.acme.org:8443',
        true,
      ],
      [
        'cors origin as a string',
        { backend: { cors: { origin: 'https://ui.acme.org' } } },
        'https://ui.acme.org',
        true,
      ],
      [
        'cors origin as a glob string',
        { backend: { cors: { origin: 'https://*.acme.org' } } },
        'https://x.acme.org',
        true,
      ],
      [
        'cors origin as an array',
        { backend: { cors: { origin: ['https://a.org', 'https://b.org'] } } },
        'https://b.org',
        true,
      ],
      [
        'a foreign origin against a cors string',
        { backend: { cors: { origin: 'https://ui.acme.org' } } },
        'https://ui.evil.org',
        false,
      ],
      [
        'a foreign origin against base URLs',
        {
          backend: { baseUrl: 'http://localhost:7007' },
          app: { baseUrl: 'http://localhost:3000' },
        },
        'http://evil.localhost:3000',
        false,
      ],
      ['any origin without configuration', {}, 'http://localhost:3000', false],
      [
        'a malformed base URL',
        { backend: { baseUrl: 'not a url' } },
        'not a url',
        false,
      ],
      // Read as Backstage reads CORS origins: no globstar, so "**" is "*"
      // and never spans the "/" of "https://".
      [
        'cors origin "**", as Backstage reads it',
        { backend: { cors: { origin: '**' } } },
        'https://evil.org',
        false,
      ],
      [
        'cors origin "https://**.acme.org", as Backstage reads it',
        { backend: { cors: { origin: 'https://**.acme.org' } } },
        'https://a.b.acme.org',
        true,
      ],
      [
        'cors origin matched without case',
        { backend: { cors: { origin: 'https://UI.acme.org' } } },
        'https://ui.acme.org',
        true,
      ],
      [
        'cors origin of a non-string type',
        { backend: { cors: { origin: true } } },
        'https://x.org',
        false,
      ],
    ])('%s', (_label, data, origin, allowed) => {
      expect(read(data).allowedOrigins(origin)).toBe(allowed);
    });
  });

  describe('secrets.signInProviders', () => {
    it('defaults to every configured auth provider, in config order, and reads the environment and app', () => {
      const config = read({
        app: { baseUrl: 'https://backstage.example.com' },
        auth: {
          environment: 'production',
          providers: { github: {}, guest: {} },
        },
      });
      expect(config.secrets.signIn).toEqual({
        providers: ['github', 'guest'],
        environment: 'production',
        appUrl: 'https://backstage.example.com',
      });
    });

    it('takes the configured list over the providers', () => {
      const config = read({
        auth: { providers: { github: {}, guest: {} } },
        ...withMcp({ secrets: { signInProviders: ['guest'] } }),
      });
      expect(config.secrets.signIn.providers).toEqual(['guest']);
    });

    it('refuses a value that is not a provider id', () => {
      expect(() =>
        read(withMcp({ secrets: { signInProviders: ['github', '../x'] } })),
      ).toThrow(
        `Invalid config at 'mcpActions.secrets.signInProviders[1]': "../x" is not a provider id (letters, digits, '-' and '_')`,
      );
    });
  });

  describe('oauthEnabled: any way a client can be known to the auth backend', () => {
    const stable = (section: JsonObject) => ({
      clientIdMetadataDocuments: section,
    });
    const experimental = (section: JsonObject) => ({
      experimentalClientIdMetadataDocuments: section,
    });
    const registration = (enabled: boolean) => ({
      experimentalDynamicClientRegistration: { enabled },
    });
    const client = {
      clientId: 'cli',
      redirectUris: ['http://127.0.0.1:8080/callback'],
    };

    it.each<[string, boolean, JsonObject]>([
      ['no auth section', false, {}],
      ['an unrelated auth key', false, { providers: { guest: {} } }],
      // Client ID Metadata Documents: the stable section, when present, is
      // the only one read (as the auth backend reads it).
      ['stable CIMD on', true, stable({ enabled: true })],
      ['stable CIMD off', false, stable({ enabled: false })],
      [
        'stable CIMD off beside experimental on',
        false,
        { ...stable({ enabled: false }), ...experimental({ enabled: true }) },
      ],
      [
        'a stable CIMD section without enabled beside experimental on',
        false,
        {
          ...stable({ allowedClientIdPatterns: ['https://example.com/*'] }),
          ...experimental({ enabled: true }),
        },
      ],
      [
        'stable CIMD on beside experimental off',
        true,
        { ...stable({ enabled: true }), ...experimental({ enabled: false }) },
      ],
      [
        'experimental CIMD on, no stable section',
        true,
        experimental({ enabled: true }),
      ],
      ['experimental CIMD off', false, experimental({ enabled: false })],
      // Pre-registered clients (auth backend 0.31 and later).
      ['one static client', true, { staticClients: [client] }],
      ['an empty staticClients list', false, { staticClients: [] }],
      [
        'a static client beside stable CIMD off',
        true,
        { staticClients: [client], ...stable({ enabled: false }) },
      ],
      // Dynamic registration (auth backends before 0.31).
      ['dynamic registration on', true, registration(true)],
      ['dynamic registration off', false, registration(false)],
      [
        'dynamic registration on beside stable CIMD off',
        true,
        { ...registration(true), ...stable({ enabled: false }) },
      ],
      [
        'everything off',
        false,
        {
          ...stable({ enabled: false }),
          ...experimental({ enabled: true }),
          ...registration(false),
          staticClients: [],
        },
      ],
    ])('%s: %p', (_label, expected, auth) => {
      expect(read({ auth }).oauthEnabled).toBe(expected);
    });

    it('refuses a staticClients value that is not a list of clients', () => {
      expect(() => read({ auth: { staticClients: 'cli' } })).toThrow(
        /auth\.staticClients/,
      );
    });
  });
});

describe('allowedOrigins on a loopback base URL', () => {
  const { allowedOrigins } = readMcpActionsConfig(
    new ConfigReader({ backend: { baseUrl: 'http://localhost:7007' } }),
  );

  it.each([
    ['http://localhost:7007', true],
    ['http://127.0.0.1:7007', true],
    ['http://[::1]:7007', true],
    ['http://127.0.0.1:7008', false],
    ['https://localhost:7007', false],
    ['http://localhost.evil.example:7007', false],
  ])('%s allowed: %s', (origin, allowed) => {
    expect(allowedOrigins(origin)).toBe(allowed);
  });
});

describe('mcpActions.tasks', () => {
  const tasksOf = (tasks: JsonObject, extra: JsonObject = {}) =>
    read(withMcp({ tasks, ...extra })).tasks;

  it('makes no tool a task by default', () => {
    expect(read({}).tasks).toEqual({
      tools: [],
      afterMs: 2_000,
      ttlMs: 3_600_000,
      pollIntervalMs: 2_000,
      heartbeatIntervalMs: 10_000,
    });
  });

  it('reads every key, with rules compiled as for server filters', () => {
    const tasks = tasksOf({
      tools: [
        { id: 'scaffolder:execute-template' },
        { attributes: { readOnly: false, idempotent: false } },
      ],
      after: '500ms',
      ttl: { hours: 2 },
      pollInterval: 1500,
      heartbeatInterval: 'PT5S',
    });
    expect(tasks).toMatchObject({
      afterMs: 500,
      ttlMs: 7_200_000,
      pollIntervalMs: 1500,
      heartbeatIntervalMs: 5000,
    });
    expect(tasks.tools).toHaveLength(2);
    expect(tasks.tools[0].idMatcher?.match('scaffolder:execute-template')).toBe(
      true,
    );
    expect(tasks.tools[1].attributes).toEqual({
      readOnly: false,
      idempotent: false,
    });
  });

  it('accepts after: 0 (every eligible call becomes a task)', () => {
    expect(tasksOf({ after: 0 }).afterMs).toBe(0);
  });

  it.each<[string, JsonObject, JsonObject, string]>([
    [
      'a bad rule',
      { tools: [{ name: 'x' }] },
      {},
      `Invalid filter rule at 'mcpActions.tasks.tools[0]': unknown key "name"`,
    ],
    [
      'a rule with an unknown attribute',
      { tools: [{ attributes: { slow: true } }] },
      {},
      `Invalid filter rule at 'mcpActions.tasks.tools[0].attributes.slow'`,
    ],
    [
      'a negative after',
      { after: -1 },
      {},
      `Invalid duration at 'mcpActions.tasks.after': must be zero or more`,
    ],
    [
      'a fractional after',
      { after: 1.5 },
      {},
      `Invalid duration at 'mcpActions.tasks.after': must be a whole number of milliseconds`,
    ],
    [
      'a ttl of zero',
      { ttl: 0 },
      {},
      `Invalid duration at 'mcpActions.tasks.ttl': must be greater than zero`,
    ],
    [
      'an unreadable ttl',
      { ttl: 'soon' },
      {},
      `Invalid duration at 'mcpActions.tasks.ttl': `,
    ],
    [
      'a pollInterval of zero',
      { pollInterval: 0 },
      {},
      `Invalid duration at 'mcpActions.tasks.pollInterval': must be greater than zero`,
    ],
    [
      'a heartbeatInterval of zero',
      { heartbeatInterval: '0s' },
      {},
      `Invalid duration at 'mcpActions.tasks.heartbeatInterval': must be greater than zero`,
    ],
    [
      'a ttl no longer than the call timeout',
      { ttl: '2m' },
      {},
      `Invalid duration at 'mcpActions.tasks.ttl': must be longer than mcpActions.toolCallTimeout (120000 ms)`,
    ],
    [
      'a ttl shorter than a raised call timeout',
      { ttl: '5m' },
      { toolCallTimeout: '10m' },
      `Invalid duration at 'mcpActions.tasks.ttl': must be longer than mcpActions.toolCallTimeout (600000 ms)`,
    ],
  ])('refuses %s, naming the key', (_label, tasks, extra, message) => {
    expect(() => tasksOf(tasks, extra)).toThrow(message);
  });
});
