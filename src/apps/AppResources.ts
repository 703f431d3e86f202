import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ResourceNotFoundError,
  type ReadResourceResult,
  type Resource,
} from '@modelcontextprotocol/server';
import fs from 'node:fs';
import path from 'node:path';
import type { Toolset } from '../tools/ToolCatalog';
import { packageDirectory } from '../packageDirectory';
import { APP_MIME_TYPE } from './uiExtension';
import { BUNDLED_APPS, type BundledApp } from './bundledApps';

/**
 * The placeholder each built app carries in its `<head>`, filled per read
 * with the names the caller's tools have on the server (see `appConfig`).
 */
const CONFIG_PLACEHOLDER =
  '<script type="application/json" id="backstage-mcp-config">{}</script>';

/** The tools the apps call through the host, by the action behind each. */
const TOOLS_THE_APPS_CALL = {
  getEntity: 'catalog:get-catalog-entity',
  executeTemplate: 'scaffolder:execute-template',
  getTaskLogs: 'scaffolder:get-scaffolder-task-logs',
} as const;

type AppToolNames = Record<keyof typeof TOOLS_THE_APPS_CALL, string | null>;

/**
 * The `_meta.ui` of every app's contents: no origin to reach and none to
 * load from (everything is inlined at build time), no permissions, and a
 * border, as a card in a conversation reads best.
 */
const APP_RESOURCE_META = {
  ui: {
    csp: { connectDomains: [], resourceDomains: [] },
    prefersBorder: true,
  },
};

/**
 * The shipped MCP Apps as `ui://` resources: listed for clients that
 * declare the extension, and read with the names of the tools they call
 * on the server that serves them, as the caller's own tool list has them
 * (null for a tool the caller does not have there, which the app then
 * does without).
 */
export class AppResources {
  readonly #html: Map<string, string>;

  /**
   * Reads the built apps from `directory` (the package's `dist-apps`);
   * undefined, with a warning, when they are not there: a checkout that
   * never ran `npm run build:apps` serves no apps rather than tools that
   * point at resources it cannot read.
   */
  static load(options: {
    logger: LoggerService;
    directory?: string;
  }): AppResources | undefined {
    const directory = options.directory ?? packageDirectory('dist-apps');
    const html = new Map<string, string>();
    for (const app of BUNDLED_APPS) {
      const file = path.join(directory, `${app.name}.html`);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        options.logger.warn(
          `MCP Apps are off: ${file} is missing (run npm run build:apps)`,
        );
        return undefined;
      }
      if (!text.includes(CONFIG_PLACEHOLDER)) {
        options.logger.warn(
          `MCP Apps are off: ${file} has no configuration placeholder; rebuild it with npm run build:apps`,
        );
        return undefined;
      }
      html.set(app.uri, text);
    }
    return new AppResources(html);
  }

  private constructor(html: Map<string, string>) {
    this.#html = html;
  }

  /** The apps as `resources/list` shows them. */
  list(): Resource[] {
    return BUNDLED_APPS.map(listedApp);
  }

  /** Whether `uri` names one of the apps (so no other resource handler should). */
  has(uri: string): boolean {
    return this.#html.has(uri);
  }

  /** An app's HTML, configured with the caller's tool names on the server. */
  read(uri: string, toolset: Toolset): ReadResourceResult {
    const html = this.#html.get(uri);
    if (!html) {
      throw new ResourceNotFoundError(uri);
    }
    // Inside a JSON script element only `<` could end it early.
    const config = JSON.stringify({ tools: appToolNames(toolset) }).replace(
      /</g,
      '\\u003c',
    );
    const text = html.replace(CONFIG_PLACEHOLDER, () =>
      CONFIG_PLACEHOLDER.replace('{}', config),
    );
    return {
      contents: [
        { uri, mimeType: APP_MIME_TYPE, text, _meta: APP_RESOURCE_META },
      ],
    };
  }
}

function listedApp(app: BundledApp): Resource {
  return {
    uri: app.uri,
    name: app.name,
    title: app.title,
    description: app.description,
    mimeType: APP_MIME_TYPE,
    _meta: APP_RESOURCE_META,
  };
}

/** The names `toolset` gives the tools the apps call; null where it has none. */
export function appToolNames(toolset: Toolset): AppToolNames {
  const byAction = new Map<string, string>();
  for (const tool of toolset.tools) {
    const action = toolset.find(tool.name)?.action;
    if (action) {
      byAction.set(action.id, tool.name);
    }
  }
  const names = {} as AppToolNames;
  for (const [key, actionId] of Object.entries(TOOLS_THE_APPS_CALL)) {
    names[key as keyof AppToolNames] = byAction.get(actionId) ?? null;
  }
  return names;
}
