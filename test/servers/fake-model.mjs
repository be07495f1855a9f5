#!/usr/bin/env node
// A scripted OpenAI-compatible model server for tests. It stands in for the LLM only; the real
// `opencode serve` talks to it. Replies are driven by directives in the text of the LAST user
// message of each request, so specs sharing one server never interfere:
//   (none)              "Hello from the fake model."
//   [reply:TEXT]        exactly TEXT ("\n" in TEXT means a newline)
//   [delay:MS]          wait MS before the first chunk
//   [slow:MS]           wait MS between chunks
//   [error:CODE]        HTTP CODE with an OpenAI-style error body (and retry-after-ms: 0, so
//                       opencode's five retries of 408/409/429/5xx happen at once)
//   [tool:bash:CMD]     first turn: a bash tool call; once the tool result is in: "Tool finished."
//   [call:NAME:{JSON}]  a call of tool NAME (e.g. opencc_turtle) with the JSON object as its
//                       arguments (the JSON ends at the first "}]"); several run one after the
//                       other, one per turn; then "Called NAME: " + the last tool result
//                       (its first 300 characters, on one line)
//   [question:Q|A|B]    first turn: a question tool call (question Q, options A, B, ...); once
//                       answered: "Answered. " + the first line of the tool's output
//                       (with [echo] too: "Tool finished. " .. the first line of the output)
//   [unicode]           non-ASCII text (quotes, dashes, emoji, box drawing)
//   [markdown]          a fixed markdown document
//   [long:N]            N lines "Line 1" .. "Line N"
// Title requests (opencode's title generator) are answered "Fake title" and not logged.
// GET /log lists the prompts received (at: ms, text, toolNames offered, toolResults since the
// prompt, system text); DELETE /log clears it. GET /stats counts requests,
// title requests, errors, tool calls and aborted streams.
// Usage: node fake-model.mjs [port]   -> prints {"port":N} once listening on 127.0.0.1.
import http from "node:http";
import { pathToFileURL } from "node:url";

export const UNICODE_REPLY =
  "Caf\u00e9 \u201cquoted\u201d \u2014 wait\u2026 \u2022 item \u2192 next \ud83d\ude00 \u2500\u2500 done";

export const MARKDOWN_REPLY = [
  "# Fake heading",
  "",
  "Some **bold** text and `inline code`.",
  "",
  "```lua",
  'print("hello from lua")',
  "```",
  "",
  "- first item",
  "- second item",
  "",
  "See [link](http://example.com).",
].join("\n");

const DEFAULT_REPLY = "Hello from the fake model.";

/** Text of one OpenAI message content (string or array of parts). */
function contentText(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p === "string" ? p : p && p.type === "text" ? p.text : "")).join("");
  }
  return "";
}

function lastUserIndex(messages) {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return i;
  return -1;
}

function isTitleRequest(messages) {
  return messages.some((m) => m.role === "system" && contentText(m.content).includes("You are a title generator"));
}

/** Splits a reply into word-sized chunks (each word keeps its trailing whitespace). */
function chunksOf(text) {
  const parts = text.match(/\s*\S+\s*/g);
  return parts && parts.length > 0 ? parts : [text];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Works out what to answer for one chat completion request. */
export function plan(body) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  if (isTitleRequest(messages)) return { title: true, text: "", reply: "Fake title", delay: 0, slow: 0 };
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === "user") {
      lastUser = i;
      break;
    }
  }
  const text = lastUser >= 0 ? contentText(messages[lastUser].content) : "";
  const after = messages.slice(lastUser + 1);
  const toolResult = after.find((m) => m.role === "tool");
  const p = { text, delay: 0, slow: 0 };
  let m;
  if ((m = text.match(/\[delay:(\d+)\]/))) p.delay = Number(m[1]);
  if ((m = text.match(/\[slow:(\d+)\]/))) p.slow = Number(m[1]);
  if ((m = text.match(/\[error:(\d{3})\]/))) {
    p.error = Number(m[1]);
    return p;
  }
  if ((m = text.match(/\[question:([^\]|]*)((?:\|[^\]|]*)+)\]/))) {
    if (toolResult) {
      const out = contentText(toolResult.content)
        .split("\n")
        .find((l) => l.trim() !== "");
      p.reply = `Answered. ${out ? out.trim() : ""}`;
    } else {
      const options = m[2]
        .split("|")
        .slice(1)
        .map((label) => ({ label, description: `pick ${label}` }));
      p.toolCall = {
        name: "question",
        arguments: JSON.stringify({ questions: [{ question: m[1], header: "Question", options }] }),
      };
    }
    return p;
  }
  const calls = [...text.matchAll(/\[call:([\w.-]+):(\{.*?\})\]/gs)];
  if (calls.length > 0) {
    const results = after.filter((msg) => msg.role === "tool");
    if (results.length < calls.length) {
      const [, name, args] = calls[results.length];
      p.toolCall = { name, arguments: args };
    } else {
      const last = contentText(results[results.length - 1].content)
        .replace(/\s+/g, " ")
        .trim();
      p.reply = `Called ${calls[calls.length - 1][1]}: ${last.slice(0, 300)}`;
    }
    return p;
  }
  if ((m = text.match(/\[tool:(\w+):([^\]]*)\]/))) {
    if (toolResult) {
      const out = contentText(toolResult.content)
        .split("\n")
        .find((l) => l.trim() !== "");
      // "[echo]" in the prompt appends the first line of the tool's output.
      p.reply = out && text.includes("[echo]") ? `Tool finished. ${out.trim()}` : "Tool finished.";
    } else {
      const command = m[2];
      p.toolCall = {
        name: m[1],
        arguments: JSON.stringify({ command, description: `run ${command}` }),
      };
    }
    return p;
  }
  if ((m = text.match(/\[reply:([^\]]*)\]/))) p.reply = m[1].replace(/\\n/g, "\n");
  else if (text.includes("[unicode]")) p.reply = UNICODE_REPLY;
  else if (text.includes("[markdown]")) p.reply = MARKDOWN_REPLY;
  else if ((m = text.match(/\[long:(\d+)\]/))) {
    p.reply = Array.from({ length: Number(m[1]) }, (_, i) => `Line ${i + 1}`).join("\n");
  } else p.reply = DEFAULT_REPLY;
  return p;
}

export function startFakeModel(port = 0) {
  const log = [];
  const stats = { requests: 0, titles: 0, errors: 0, toolCalls: 0, aborted: 0 };
  let counter = 0;

  async function completions(req, res, body) {
    const p = plan(body);
    stats.requests++;
    if (process.env.FAKE_MODEL_DUMP) {
      const fsMod = await import("node:fs");
      fsMod.appendFileSync(process.env.FAKE_MODEL_DUMP, JSON.stringify(body) + "\n");
    }
    if (p.title) stats.titles++;
    if (p.error) stats.errors++;
    if (p.toolCall) stats.toolCalls++;
    if (!p.title) {
      const messages = Array.isArray(body.messages) ? body.messages : [];
      log.push({
        at: Date.now(),
        text: p.text,
        model: body.model,
        messages: Array.isArray(body.messages) ? body.messages.length : 0,
        tools: Array.isArray(body.tools) && body.tools.length > 0,
        toolNames: Array.isArray(body.tools) ? body.tools.map((t) => t.function?.name).filter(Boolean) : [],
        toolResults: messages
          .slice(lastUserIndex(messages) + 1)
          .filter((msg) => msg.role === "tool")
          .map((msg) => contentText(msg.content)),
        system: messages
          .filter((msg) => msg.role === "system")
          .map((msg) => contentText(msg.content))
          .join("\n"),
      });
    }
    let closed = false;
    res.on("close", () => {
      if (!res.writableEnded) stats.aborted++;
      closed = true;
    });
    if (p.delay) await sleep(p.delay);
    if (closed) return;
    if (p.error) {
      const payload = JSON.stringify({
        error: { message: `fake model error ${p.error}`, type: "fake_error" },
      });
      res.writeHead(p.error, { "content-type": "application/json", "retry-after-ms": "0", connection: "close" });
      res.end(payload);
      return;
    }
    const id = `chatcmpl-fake-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model || "fake-model";
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    const callId = `call_fake_${counter}`;
    const finish = p.toolCall ? "tool_calls" : "stop";

    if (!body.stream) {
      const message = p.toolCall
        ? {
            role: "assistant",
            content: null,
            tool_calls: [{ id: callId, type: "function", function: p.toolCall }],
          }
        : { role: "assistant", content: p.reply };
      res.writeHead(200, { "content-type": "application/json", connection: "close" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message, finish_reason: finish }],
          usage,
        }),
      );
      return;
    }

    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "close",
    });
    const send = (delta, finishReason = null, extra = {}) => {
      if (closed) return;
      res.write(
        `data: ${JSON.stringify({
          id,
          object: "chat.completion.chunk",
          created,
          model,
          choices: [{ index: 0, delta, finish_reason: finishReason }],
          ...extra,
        })}\n\n`,
      );
    };
    send({ role: "assistant", content: "" });
    if (p.toolCall) {
      send({
        tool_calls: [{ index: 0, id: callId, type: "function", function: { name: p.toolCall.name, arguments: "" } }],
      });
      for (const piece of chunksOf(p.toolCall.arguments)) {
        if (p.slow) await sleep(p.slow);
        send({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
      }
    } else {
      const pieces = chunksOf(p.reply);
      for (let i = 0; i < pieces.length; i++) {
        if (i > 0 && p.slow) await sleep(p.slow);
        if (closed) return;
        send({ content: pieces[i] });
      }
    }
    send({}, finish, { usage });
    if (!closed) res.end("data: [DONE]\n\n");
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("error", () => {});
    res.on("error", () => {});
    req.on("end", () => {
      const url = new URL(req.url, "http://localhost");
      const path = url.pathname.replace(/\/+$/, "");
      const json = (status, value) => {
        res.writeHead(status, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify(value));
      };
      try {
        if (req.method === "POST" && path.endsWith("/chat/completions")) {
          let body;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
          } catch {
            return json(400, { error: { message: "invalid JSON body", type: "invalid_request_error" } });
          }
          completions(req, res, body).catch((e) => {
            if (!res.headersSent) json(500, { error: { message: String(e), type: "fake_error" } });
            else res.destroy();
          });
          return;
        }
        if (req.method === "GET" && path.endsWith("/models")) {
          return json(200, {
            object: "list",
            data: ["fake-model", "other-model"].map((id) => ({
              id,
              object: "model",
              created: 0,
              owned_by: "fake",
            })),
          });
        }
        if (path === "/log" && req.method === "GET") return json(200, log);
        if (path === "/log" && req.method === "DELETE") {
          log.length = 0;
          return json(200, true);
        }
        if (path === "/stats" && req.method === "GET") return json(200, stats);
        if (path === "/health") return json(200, { healthy: true });
        json(404, { error: { message: `no route ${req.method} ${path}`, type: "not_found" } });
      } catch (e) {
        if (!res.headersSent) json(500, { error: { message: String(e), type: "fake_error" } });
      }
    });
  });
  // Every response closes its connection: opencode's (Bun's) fetch otherwise reuses pooled
  // sockets Node has already closed and fails with "socket connection was closed unexpectedly".
  server.keepAliveTimeout = 60000;
  server.on("clientError", (_e, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        log,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] || "").href) {
  const s = await startFakeModel(Number(process.argv[2] || 0));
  process.stdout.write(JSON.stringify({ port: s.port }) + "\n");
  const stop = () => s.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
