"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VERSION = void 0;
exports.handleMcp = handleMcp;
// The MCP side: a Streamable HTTP endpoint (/mcp) in stateless mode, one MCP server object per
// request (cheap: the tools live in Computers). Tool failures are tool results with isError,
// so the agent reads them; only malformed requests become protocol errors.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const index_js_1 = require("@modelcontextprotocol/sdk/server/index.js");
const streamableHttp_js_1 = require("@modelcontextprotocol/sdk/server/streamableHttp.js");
const types_js_1 = require("@modelcontextprotocol/sdk/types.js");
const computers_1 = require("./computers");
const tools_1 = require("./tools");
/** package.json's version (the one place it lives), read beside build/bridge. */
exports.VERSION = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, "..", "..", "package.json"), "utf8")).version;
// eslint-disable-next-line @typescript-eslint/no-deprecated
function mcpServer(computers, limits, log) {
    // The low-level Server: the tools' JSON schemas are written out in tools.ts (McpServer wants zod).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const server = new index_js_1.Server({ name: "opencc-bridge", version: exports.VERSION }, { capabilities: { tools: {} } });
    server.setRequestHandler(types_js_1.ListToolsRequestSchema, () => ({ tools: tools_1.TOOLS }));
    server.setRequestHandler(types_js_1.CallToolRequestSchema, async (req) => {
        const args = req.params.arguments ?? {};
        const started = Date.now();
        try {
            const result = await (0, tools_1.runTool)(computers, req.params.name, args, limits);
            log(`${req.params.name} ${JSON.stringify(args)} -> ok in ${Date.now() - started} ms`);
            return { content: [{ type: "text", text: JSON.stringify(result ?? null) }] };
        }
        catch (e) {
            const message = e instanceof computers_1.ToolError ? e.message : `bridge error: ${e.message}`;
            log(`${req.params.name} ${JSON.stringify(args)} -> error: ${message}`);
            return { content: [{ type: "text", text: message }], isError: true };
        }
    });
    return server;
}
async function handleMcp(req, res, computers, limits, log) {
    const server = mcpServer(computers, limits, log);
    const transport = new streamableHttp_js_1.StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
        void transport.close();
        void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
}
