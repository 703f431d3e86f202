import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

/** Prints the MCP URLs and a ready-to-paste client config once started. */
export const printClientConfig = createBackendModule({
  pluginId: 'mcp-actions',
  moduleId: 'dev-print-client-config',
  register(env) {
    env.registerInit({
      deps: {
        lifecycle: coreServices.rootLifecycle,
        discovery: coreServices.discovery,
      },
      async init({ lifecycle, discovery }) {
        lifecycle.addStartupHook(async () => {
          const base = await discovery.getExternalBaseUrl('mcp-actions');
          const url = `${base}/v1`;
          const config = {
            mcpServers: {
              backstage: {
                url,
                headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` },
              },
            },
          };
          process.stdout.write(
            [
              '',
              `MCP server (Streamable HTTP): ${url}`,
              `MCP server (legacy SSE):      ${url}/sse`,
              'Client config to paste:',
              JSON.stringify(config, null, 2),
              '',
            ].join('\n'),
          );
        });
      },
    });
  },
});
