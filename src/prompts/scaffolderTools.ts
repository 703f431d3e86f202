import type { Toolset } from '../tools/ToolCatalog';

/** The scaffolder's tools a template prompt leads the model to, by name. */
export interface ScaffolderTools {
  /** `scaffolder:execute-template`: starts a task from a template. */
  execute: string;
  /** `scaffolder:get-scaffolder-task-logs`: a task's log events. */
  logs?: string;
  /** `scaffolder:list-scaffolder-tasks`: tasks and their status. */
  tasks?: string;
}

const ACTIONS = {
  execute: 'scaffolder:execute-template',
  logs: 'scaffolder:get-scaffolder-task-logs',
  tasks: 'scaffolder:list-scaffolder-tasks',
};

/**
 * The names the scaffolder's tools have on this server for this caller
 * (they follow the naming config and the server's filter), or undefined
 * when the caller cannot start a template here: then template prompts
 * would lead nowhere, and the server offers none.
 */
export function scaffolderTools(toolset: Toolset): ScaffolderTools | undefined {
  const names = new Map<string, string>();
  for (const tool of toolset.tools) {
    const id = toolset.find(tool.name)?.action.id;
    if (id) {
      names.set(id, tool.name);
    }
  }
  const execute = names.get(ACTIONS.execute);
  if (!execute) {
    return undefined;
  }
  const logs = names.get(ACTIONS.logs);
  const tasks = names.get(ACTIONS.tasks);
  return {
    execute,
    ...(logs ? { logs } : {}),
    ...(tasks ? { tasks } : {}),
  };
}
