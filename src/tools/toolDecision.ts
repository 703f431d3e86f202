import type { ToolEntry } from './ToolCatalog';

/**
 * Which of the tools a caller is listed they may see and call (the
 * operator's permission policy, applied by `permissions/ToolPermissions`).
 */
export interface ToolDecision {
  /**
   * Names the decision's content: two decisions with the same key allow
   * the same tools, so a list filtered by one serves the other.
   */
  readonly key: string;
  allows(entry: ToolEntry, serverKey: string | undefined): boolean;
}

/** Every tool the caller is listed. */
export const ALLOW_ALL: ToolDecision = { key: 'allow', allows: () => true };
