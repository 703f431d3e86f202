import type { Tool } from '@modelcontextprotocol/server';
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
}

function toolAsListed(tool: Tool, omit: Omissions): Tool {
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
  };
}

/** Each toolset's listed variants, by what they leave out; kept as long as it is. */
const variants = new WeakMap<Toolset, Map<string, Toolset>>();

/**
 * `toolset` as `server` lists it to a client of `protocolVersion`: without
 * `annotations.title` for a client that reads the top-level `title`, and
 * without `outputSchema` on a server configured with `outputSchemas:
 * false`. The catalog keeps each tool whole; a variant is built once per
 * toolset and variant and is the same object every time, so the fast lane,
 * which keeps one serialization per toolset object, keeps one per variant,
 * and both lanes list the same bytes.
 */
export function toolsetAsListed(
  toolset: Toolset,
  server: McpServerConfig,
  protocolVersion: string | undefined,
): Toolset {
  const omit: Omissions = {
    annotationTitle: readsTopLevelTitle(protocolVersion),
    outputSchema: server.outputSchemas === false,
  };
  if (!omit.annotationTitle && !omit.outputSchema) {
    return toolset;
  }
  const key = `${omit.annotationTitle}:${omit.outputSchema}`;
  let byOmissions = variants.get(toolset);
  if (!byOmissions) {
    byOmissions = new Map();
    variants.set(toolset, byOmissions);
  }
  let listed = byOmissions.get(key);
  if (!listed) {
    const tools = toolset.tools.map(tool => toolAsListed(tool, omit));
    listed = { ...toolset, tools, listResult: { tools } };
    byOmissions.set(key, listed);
  }
  return listed;
}
