import {
  MissingRequiredClientCapabilityError,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { isModernRequest } from '../mcpServer/clientCapabilities';

/** The extension's identifier, in capabilities on both sides. */
export const TASKS_EXTENSION_ID = 'io.modelcontextprotocol/tasks';

const CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';

/**
 * Whether this request declared the Tasks extension in its own
 * capabilities. The extension is negotiated per request (2026-07-28): what
 * an earlier request declared counts for nothing, and 2025-era requests
 * never qualify.
 */
export function declaresTasksExtension(ctx: ServerContext): boolean {
  if (!isModernRequest(ctx)) {
    return false;
  }
  const envelope = ctx.mcpReq.envelope as Record<string, unknown>;
  const capabilities = envelope[CLIENT_CAPABILITIES] as
    | { extensions?: Record<string, unknown> }
    | undefined;
  const declared = capabilities?.extensions?.[TASKS_EXTENSION_ID];
  return (
    declared !== null &&
    typeof declared === 'object' &&
    !Array.isArray(declared)
  );
}

/**
 * The -32021 error the extension prescribes for `tasks/*` requests from a
 * client that did not declare it, naming what is missing.
 */
export function missingTasksCapability(method: string) {
  return new MissingRequiredClientCapabilityError(
    { requiredCapabilities: { extensions: { [TASKS_EXTENSION_ID]: {} } } },
    `${method} needs the ${TASKS_EXTENSION_ID} extension in the request's client capabilities`,
  );
}
