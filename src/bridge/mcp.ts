// The MCP side: a Streamable HTTP endpoint (/mcp) in stateless mode, one MCP server object per
// request (cheap: the tools live in Computers). Tool failures are tool results with isError,
// so the agent reads them; only malformed requests become protocol errors.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, CallToolResult, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { Computers, ToolError } from "./computers";
import { runTool, ToolLimits, TOOLS } from "./tools";

export const VERSION = "0.1.0";

function mcpServer(computers: Computers, limits: ToolLimits, log: (line: string) => void): Server {
  const server = new Server({ name: "opencc-bridge", version: VERSION }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, async (req): Promise<CallToolResult> => {
    const args = (req.params.arguments ?? {}) as Record<string, unknown>;
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
