import {
  App,
  applyDocumentTheme,
  applyHostStyleVariables,
  type McpUiHostContext,
} from '@modelcontextprotocol/ext-apps';
import {
  describeError,
  errorMessage,
  resultData,
  type EntityName,
} from './result';
import { errorBox, replace } from './dom';

/** Creates the App. Register the handlers, then call `connectApp`. */
export function createApp(name: string): App {
  return new App({ name, version: '0.1.0' }, {}, { autoResize: true });
}

/** Follows the host's theme and style variables (call it from onhostcontextchanged too). */
export function applyContext(context: McpUiHostContext | undefined): void {
  if (!context) return;
  if (context.theme === 'light' || context.theme === 'dark') {
    applyDocumentTheme(context.theme);
  }
  const variables = context.styles?.variables;
  if (variables) applyHostStyleVariables(variables);
}

/**
 * Connects to the host (window.parent, through the default
 * PostMessageTransport) and follows the host's theme.
 */
export function connectApp(app: App, root: HTMLElement): void {
  app
    .connect()
    .then(() => applyContext(app.getHostContext()))
    .catch(error => {
      replace(
        root,
        errorBox(`Could not connect to the host: ${describeError(error)}`),
      );
    });
}

export function appRoot(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  return root;
}

/** Title of the tool this view belongs to, if the host says. */
export function toolTitle(app: App): string | undefined {
  const tool = app.getHostContext()?.toolInfo?.tool;
  if (!tool) return undefined;
  return tool.title ?? tool.annotations?.title ?? tool.name;
}

/**
 * Reads one catalog entity through the host with the catalog's
 * get-entity tool (`toolName`, as this server names it): the tool's data,
 * or its error thrown.
 */
export async function readEntity(
  app: App,
  toolName: string,
  target: EntityName,
): Promise<unknown> {
  const result = await app.callServerTool({
    name: toolName,
    arguments: {
      kind: target.kind,
      namespace: target.namespace,
      name: target.name,
    },
  });
  if (result.isError) throw new Error(errorMessage(result));
  return resultData(result);
}
