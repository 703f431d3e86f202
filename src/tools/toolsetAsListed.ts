import type { Tool } from '@modelcontextprotocol/server';
import { appForAction } from '../apps/bundledApps';
import type { McpServerConfig } from './readToolsConfig';
import type { Toolset } from './ToolCatalog';

/** The first revision whose clients read a tool's top-level `title`. */
const TOP_LEVEL_TITLE_SINCE = '2025-06-18';
const REVISION = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a client of `protocolVersion` reads a tool's top-level `title`.
 * Clients of 2024-11-05 and 2025-03-26 know only `annotations.title`, and a
 * request that names no version is read as 2025-03-26, as MCP says.
 */
export function readsTopLevelTitle(
  protocolVersion: string | undefined,
): boolean {
  return (
    protocolVersion !== undefined &&
    REVISION.test(protocolVersion) &&
    protocolVersion >= TOP_LEVEL_TITLE_SINCE
  );
}

/** What a listed tool leaves out of the definition the catalog keeps. */
interface Omissions {
  /** `annotations.title`, where it repeats the top-level `title`. */
  annotationTitle: boolean;
  outputSchema: boolean;
  /**
   * Whether a tool with an app leaves out `_meta.ui.resourceUri`: for
   * clients that did not declare the MCP Apps extension, and on servers
   * with `apps: false`.
   */
  apps: boolean;
}

function toolAsListed(
  tool: Tool,
  omit: Omissions,
  appUri: string | undefined,
): Tool {
  const { outputSchema, annotations, ...rest } = tool;
  let listedAnnotations = annotations;
  if (
    omit.annotationTitle &&
    annotations?.title !== undefined &&
    annotations.title === tool.title
  ) {
    const { title: _repeated, ...hints } = annotations;
    listedAnnotations = Object.keys(hints).length > 0 ? hints : undefined;
  }
  // Rebuilt in the catalog's key order, so a listed tool reads like one.
  return {
    ...rest,
    ...(outputSchema && !omit.outputSchema ? { outputSchema } : {}),
    ...(listedAnnotations ? { annotations: listedAnnotations } : {}),
    ...(appUri && !omit.apps
      ? { _meta: { ...tool._meta, ui: { resourceUri: appUri } } }
      : {}),
  };
}

/** Each toolset's listed variants, by what they leave out; kept as long as it is. */
const variants = new WeakMap<Toolset, Map<string, Toolset>>();

/**
 * `toolset` as `server` lists it to a client of `protocolVersion`: without
 * `annotations.title` for a client that reads the top-level `title`,
 * without `outputSchema` on a server configured with `outputSchemas:
 * false`, and with `_meta.ui.resourceUri` on the tools that have an app
 * when the client declared the MCP Apps extension (`withApps`) and the
 * server offers apps; a client without the extension gets the list it got
 * before apps existed, byte for byte. The catalog keeps each tool whole; a
 * variant is built once per toolset and variant and is the same object
 * every time, so the fast lane, which keeps one serialization per toolset
 * object, keeps one per variant, and both lanes list the same bytes.
 */
export function toolsetAsListed(
  toolset: Toolset,
  server: McpServerConfig,
  protocolVersion: string | undefined,
  withApps = false,
): Toolset {
  const omit: Omissions = {
    annotationTitle: readsTopLevelTitle(protocolVersion),
    outputSchema: server.outputSchemas === false,
    apps: !withApps || server.apps === false,
  };
  if (!omit.annotationTitle && !omit.outputSchema && omit.apps) {
    return toolset;
  }
  const key = `${omit.annotationTitle}:${omit.outputSchema}:${omit.apps}`;
  let byOmissions = variants.get(toolset);
  if (!byOmissions) {
    byOmissions = new Map();
    variants.set(toolset, byOmissions);
  }
  let listed = byOmissions.get(key);
  if (!listed) {
    const tools = toolset.tools.map(tool =>
      toolAsListed(tool, omit, omit.apps ? undefined : appUriOf(toolset, tool)),
    );
    listed = { ...toolset, tools, listResult: { tools } };
    byOmissions.set(key, listed);
  }
  return listed;
}

function appUriOf(toolset: Toolset, tool: Tool): string | undefined {
  const entry = toolset.find(tool.name);
  // The plugin's own tools (the search tool) have no action of the registry.
  return entry && !entry.answer ? appForAction(entry.action)?.uri : undefined;
}
