// Connects with @ai-sdk/mcp (an ESM-only client, hence a child process of
// the test) and prints, as one JSON line, the protocol version it ended up
// speaking, the tool names it saw and the result of one tool call.
// Usage: node aiSdkProbe.mjs <url> <authorization header> <tool> <arguments JSON>
import { createMCPClient } from '@ai-sdk/mcp';

const [url, authorization, toolName, args] = process.argv.slice(2);
const client = await createMCPClient({
  transport: { type: 'http', url, headers: { Authorization: authorization } },
});
try {
  const tools = await client.tools();
  const result = await tools[toolName].execute(JSON.parse(args), {
    toolCallId: 'probe',
    messages: [],
  });
  process.stdout.write(
    `${JSON.stringify({
      protocolVersion: client.initializeResult?.protocolVersion,
      tools: Object.keys(tools).sort(),
      result,
    })}\n`,
  );
} finally {
  await client.close();
}
