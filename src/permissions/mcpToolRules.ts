import { createPermissionRule } from '@backstage/plugin-permission-node';
import { LRUCache } from 'lru-cache';
import { Minimatch } from 'minimatch';
import { z } from 'zod';
import { mcpToolPermissionResourceRef } from './mcpToolPermissions';

/*
 * The rules a policy combines into conditions on `mcp.tool.invoke`. They
 * are applied in memory to the tools a caller would be shown; none has a
 * database query (`toQuery` is never used for this resource type).
 *
 * The parameter schemas are zod 3, which the permission framework still
 * accepts and this package already uses for its own schemas.
 */

/** Compiled globs, since a list applies one rule to hundreds of tools. */
const globs = new LRUCache<string, Minimatch>({ max: 256 });

function globOf(pattern: string): Minimatch {
  let glob = globs.get(pattern);
  if (!glob) {
    glob = new Minimatch(pattern);
    globs.set(pattern, glob);
  }
  return glob;
}

const hasActionId = createPermissionRule({
  name: 'HAS_ACTION_ID',
  description:
    'Match tools whose action id matches a glob, such as "catalog:*" or "scaffolder:create-*"',
  resourceRef: mcpToolPermissionResourceRef,
  paramsSchema: z.object({
    actionId: z
      .string()
      .describe('A glob over action ids (<pluginId>:<action name>)'),
  }),
  apply: (tool, { actionId }) => globOf(actionId).match(tool.actionId),
  toQuery: () => ({}) as never,
});

const isFromPlugin = createPermissionRule({
  name: 'IS_FROM_PLUGIN',
  description: 'Match tools whose action a given plugin registered',
  resourceRef: mcpToolPermissionResourceRef,
  paramsSchema: z.object({
    pluginId: z.string().describe('The id of the plugin, such as "catalog"'),
  }),
  apply: (tool, { pluginId }) => tool.pluginId === pluginId,
  toQuery: () => ({}) as never,
});

const hasAttribute = createPermissionRule({
  name: 'HAS_ATTRIBUTE',
  description:
    'Match tools by an attribute of their action: destructive, readOnly or idempotent',
  resourceRef: mcpToolPermissionResourceRef,
  paramsSchema: z.object({
    attribute: z
      .enum(['destructive', 'readOnly', 'idempotent'])
      .describe('The attribute to look at'),
    value: z
      .boolean()
      .optional()
      .describe('The value it must have; true when left out'),
  }),
  apply: (tool, { attribute, value }) =>
    tool.attributes[attribute] === (value ?? true),
  toQuery: () => ({}) as never,
});

const isOnServer = createPermissionRule({
  name: 'IS_ON_SERVER',
  description:
    'Match tools called through a given MCP server: its key under mcpActions.servers, or "default"',
  resourceRef: mcpToolPermissionResourceRef,
  paramsSchema: z.object({
    serverKey: z.string().describe('The server key, or "default"'),
  }),
  apply: (tool, { serverKey }) => tool.serverKey === serverKey,
  toQuery: () => ({}) as never,
});

/** The rules of the `mcp-tool` resource type, by name. */
export const mcpToolRules = {
  hasActionId,
  isFromPlugin,
  hasAttribute,
  isOnServer,
};
