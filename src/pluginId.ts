/** The id this plugin registers under, shared with the plugin it replaces. */
export const PLUGIN_ID = 'mcp-actions';
