import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsServiceRef,
  metricsServiceRef,
  tracingServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readMcpActionsConfig } from './config/readMcpActionsConfig';
import { createRouter } from './transport/createRouter';
import { createSecretsPageRouter } from './transport/createSecretsPageRouter';
import { CsrfTokens } from './secrets/page/csrf';
import { SecretsActionLookup } from './secrets/page/SecretsActionLookup';
import {
  WELL_KNOWN_PATH,
  createWellKnownRouter,
} from './transport/createWellKnownRouter';
import { OpenResponses } from './transport/OpenResponses';
import { SseSessions } from './transport/SseSessions';
import { McpServerFactory } from './mcpServer/McpServerFactory';
import { AppResources } from './apps/AppResources';
import { CatalogFeatures } from './mcpServer/CatalogFeatures';
import { CallerCatalog } from './catalog/CallerCatalog';
import { createCallChecks } from './toolCalls/createCallChecks';
import { createCallGates } from './toolCalls/gates/createCallGates';
import { ToolCallPipeline } from './toolCalls/ToolCallPipeline';
import { requireKeyForSecrets } from './secrets/requireKeyForSecrets';
import { createStores } from './stores/createStores';
import { schedulePurges } from './stores/schedulePurges';
import { createCallStateCodec } from './toolCalls/requestState';
import { ToolCatalog } from './tools/ToolCatalog';
import { scheduleTaskMaintenance } from './tasks/scheduleTaskMaintenance';
import { TaskManager } from './tasks/TaskManager';
import { newInstanceId } from './stores/randomIds';
import { packageVersion } from './packageVersion';
import { PLUGIN_ID } from './pluginId';
import { createRateLimiter } from './rateLimits/createRateLimiter';
import { RateLimitCheck } from './rateLimits/RateLimitCheck';
import { registerToolPermissions } from './permissions/registerToolPermissions';
import { createMcpMetrics, observeSseSessions } from './telemetry/metrics';
import { ToolCallTelemetry } from './telemetry/ToolCallTelemetry';

/**
 * Serves the actions of the Actions Registry as MCP tools at
 * `/api/mcp-actions/v1` (and `/v1/<key>` per configured server).
 *
 * @public
 */
export const mcpActionsPlugin = createBackendPlugin({
  pluginId: PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        rootConfig: coreServices.rootConfig,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        rootHttpRouter: coreServices.rootHttpRouter,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        actions: actionsServiceRef,
        catalogService: catalogServiceRef,
        metricsService: metricsServiceRef,
        tracing: tracingServiceRef,
      },
      async init({
        logger,
        httpAuth,
        httpRouter,
        rootConfig,
        discovery,
        lifecycle,
        rootHttpRouter,
        auditor,
        auth,
        database,
        scheduler,
        permissions,
        permissionsRegistry,
        actions,
        catalogService,
        metricsService,
        tracing,
      }) {
        const config = readMcpActionsConfig(rootConfig);
        for (const warning of config.warnings) {
          logger.warn(warning, { component: 'config' });
        }

        const stores = await createStores({
          database,
          secretsKey: config.secrets.encryptionKey,
        });
        await schedulePurges({ scheduler, stores, logger });
        const tasks = TaskManager.create({
          store: stores.tasks,
          config: config.tasks,
          logger,
          instanceId: newInstanceId(),
        });
        await scheduleTaskMaintenance({
          scheduler,
          tasks,
          config: config.tasks,
        });
        lifecycle.addShutdownHook(() => tasks.shutdown());
        const pluginBaseUrl = await discovery.getExternalBaseUrl(PLUGIN_ID);
        // Action sources answer only once the backend is up, when a failed
        // check can no longer stop it: the error is logged, and the tools
        // concerned answer isError naming the key.
        lifecycle.addStartupHook(() =>
          requireKeyForSecrets({ config, actions, auth }).catch(error =>
            logger.error(String((error as Error).message), {
              component: 'config',
            }),
          ),
        );

        const metrics = createMcpMetrics(metricsService);
        const naming = {
          namespaced: config.namespacedToolNames,
          separator: config.toolNameSeparator,
        };
        const toolPermissions = registerToolPermissions({
          permissions,
          permissionsRegistry,
        });
        const catalog = ToolCatalog.create({
          actions,
          logger,
          decide: credentials => toolPermissions.decide(credentials),
          naming,
          ttlMs: config.cache.ttlMs,
          maxEntries: config.cache.maxEntries,
          maxBytes: config.cache.maxBytes,
        });
        const callStateCodec = config.secrets.encryptionKey
          ? createCallStateCodec(
              config.secrets.encryptionKey,
              Math.ceil(config.secrets.requestTtlMs / 1000),
            )
          : undefined;
        const telemetry = new ToolCallTelemetry({
          tracing,
          auditor,
          capturePayloads: config.captureToolPayloads,
          refusals: metrics.refusals,
        });
        // One count per caller for tool calls and completions alike.
        const rateLimits = RateLimitCheck.create(
          config.rateLimit,
          (limit, keyPrefix) =>
            createRateLimiter({ knex: stores.knex, limit, keyPrefix, logger }),
        );
        const pipeline = new ToolCallPipeline({
          catalog,
          actions,
          logger,
          telemetry,
          toolCallTimeoutMs: config.toolCallTimeoutMs,
          progressIntervalMs: config.progressIntervalMs,
          checks: createCallChecks({ rateLimits }),
          gates: createCallGates({
            config,
            secrets: stores.secrets,
            pluginBaseUrl,
          }),
          callStateCodec,
          tasks,
        });
        const factory = McpServerFactory.create({
          catalog,
          pipeline,
          version: packageVersion,
          listTtlMs: config.cache.ttlMs,
          callStateCodec,
          telemetry,
          tasks,
          catalogFeatures: CatalogFeatures.create({
            config,
            catalog: CallerCatalog.create({ catalog: catalogService, logger }),
            tools: catalog,
            rateLimits,
            ttlMs: config.cache.ttlMs,
            // Read only where some server offers them: no warning about
            // unbuilt apps on a backend that turned them off.
            apps: config.servers.some(s => s.apps !== false)
              ? AppResources.load({ logger })
              : undefined,
          }),
        });

        const sseSessions = new SseSessions({
          maxSessions: config.sse.maxSessions,
          maxSessionsPerPrincipal: config.sse.maxSessionsPerPrincipal,
        });
        const openResponses = new OpenResponses();
        // Streams end first; then what no client reads any more is let go,
        // so that the HTTP server's stop does not wait for it.
        lifecycle.addShutdownHook(async () => {
          await sseSessions.closeAll();
          const released = openResponses.releaseStuckUntilClosed();
          if (released) {
            logger.info('Closed responses that clients stopped reading', {
              released,
            });
          }
        });
        observeSseSessions(metricsService, () => sseSessions.size);

        httpRouter.use(
          createRouter({
            config,
            factory,
            httpAuth,
            discovery,
            logger,
            pluginId: PLUGIN_ID,
            sseSessions,
            metrics,
            openResponses,
          }),
        );
        // OAuth discovery documents belong at the host's /.well-known.
        rootHttpRouter.use(
          WELL_KNOWN_PATH,
          createWellKnownRouter({
            config,
            discovery,
            logger,
            pluginId: PLUGIN_ID,
          }),
        );
        // The MCP routes check credentials themselves, so that a client
        // without them gets the challenge MCP authorization expects.
        httpRouter.addAuthPolicy({ path: '/v1', allow: 'unauthenticated' });

        if (stores.secrets && config.secrets.encryptionKey) {
          httpRouter.use(
            createSecretsPageRouter({
              store: stores.secrets,
              httpAuth,
              discovery,
              auditor,
              lookup: new SecretsActionLookup({
                actions,
                auth,
                naming,
                ttlMs: config.cache.ttlMs,
              }),
              csrf: CsrfTokens.fromEncryptionKey(config.secrets.encryptionKey),
              pluginId: PLUGIN_ID,
              secretsTtlMs: config.secrets.ttlMs,
              signIn: config.secrets.signIn,
            }),
          );
          // A browser reaches the page with this plugin's user cookie or
          // with nothing at all (sign-in, service callers' links); the page
          // decides who may see what (secretsPage/pageAccess.ts).
          httpRouter.addAuthPolicy({
            path: '/secrets',
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});
