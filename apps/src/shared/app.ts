import {
  App,
  applyDocumentTheme,
  applyHostStyleVariables,
  type McpUiHostContext,
} from '@modelcontextprotocol/ext-apps';
import { describeError } from './result';
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
