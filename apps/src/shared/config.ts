// Per-server configuration, written by the server into the
// <script type="application/json" id="backstage-mcp-config"> placeholder.

export interface ToolsConfig {
  getEntity: string | null;
  executeTemplate: string | null;
  getTaskLogs: string | null;
}

function toolName(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function readConfig(): ToolsConfig {
  let parsed: unknown = {};
  try {
    const text = document.getElementById('backstage-mcp-config')?.textContent;
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = {};
  }
  const tools =
    parsed && typeof parsed === 'object'
      ? ((parsed as { tools?: Record<string, unknown> }).tools ?? {})
      : {};
  return {
    getEntity: toolName(tools.getEntity),
    executeTemplate: toolName(tools.executeTemplate),
    getTaskLogs: toolName(tools.getTaskLogs),
  };
}
