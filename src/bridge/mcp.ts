// The MCP side: a Streamable HTTP endpoint (/mcp) in stateless mode, one MCP server object per
// request (cheap: the tools live in Computers). Tool failures are tool results with isError,
// so the agent reads them; only malformed requests become protocol errors.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, CallToolResult, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { Computers, ToolError } from "./computers";
import { runTool, ToolLimits, TOOLS } from "./tools";

/** package.json's version (the one place it lives), read beside build/bridge. */
export const VERSION = (
  JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
).version;

// eslint-disable-next-line @typescript-eslint/no-deprecated
function mcpServer(computers: Computers, limits: ToolLimits, log: (line: string) => void): Server {
  // The low-level Server: the tools' JSON schemas are written out in tools.ts (McpServer wants zod).
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const server = new Server({ name: "opencc-bridge", version: VERSION }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, async (req): Promise<CallToolResult> => {
    const args = req.params.arguments ?? {};
    const started = Date.now();
    try {
      const result = await runTool(computers, req.params.name, args, limits);
      log(`${req.params.name} ${JSON.stringify(args)} -> ok in ${Date.now() - started} ms`);
      return { content: [{ type: "text", text: JSON.stringify(result ?? null) }] };
    } catch (e) {
      const message = e instanceof ToolError ? e.message : `bridge error: ${(e as Error).message}`;
      log(`${req.params.name} ${JSON.stringify(args)} -> error: ${message}`);
      return { content: [{ type: "text", text: message }], isError: true };
    }
  });
  return server;
}

export async function handleMcp(
  req: IncomingMessage,
  res: ServerResponse,
  computers: Computers,
  limits: ToolLimits,
  log: (line: string) => void,
): Promise<void> {
  const server = mcpServer(computers, limits, log);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}
