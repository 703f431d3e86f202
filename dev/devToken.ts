/** The dev backend's token when MCP_TOKEN is not set. Development only. */
export const DEV_MCP_TOKEN = 'mcp-dev-token-change-me';
