-- Transport faults between a computer and the real opencode server, injected by the fault proxy
-- (test/servers/fault-proxy.mjs) in front of the password server: transient faults on the
-- idempotent requests (polls) are survived, persistent ones end in one clear line, a POST is
-- never sent twice, a request never outlives its deadline, and replies too large for CC say so.
-- ccenv mirrors CC here: a 4xx/5xx arrives as http_failure with a readable handle, a connection
-- reset mid-body as a success with the part that came (CraftOS-PC), a body over max_download as
-- "Response is too large", an idle connection past the timeout as "Timed out".
local H = require("spec.e2e.libai_helper")
local servers = H.servers

local function count(log, method, pathPart)
  local n = 0
  for _, e in ipairs(log) do
    if e.method == method and e.path:find(pathPart, 1, true) then n = n + 1 end
  end
  return n
end

local function sawAction(log, action)
  for _, e in ipairs(log) do
    if e.action == action then return true end
  end
  return false
end

describe("libai under transport faults (e2e, through the fault proxy)", function()
  local pc
  before_each(function()
    servers.clearFaults()
    pc = H.computer({ url = servers.proxyUrl })
  end)
  after_each(function()
    pc:destroy()
    servers.clearFaults()
  end)

  -- One fault on the first poll of a prompt; the reply must still be printed as usual.
  local transient = {
    { name = "a 502 with opencode's JSON", rule = { action = "status", status = 502 } },
    { name = "a 503 with a proxy's HTML page", rule = { action = "html", status = 503 } },
    { name = "a 429 with Retry-After: 1", rule = { action = "status", status = 429, retryAfter = 1 } },
    { name = "a connection reset before any answer", rule = { action = "reset-before" } },
    { name = "a connection reset in the middle of the body", rule = { action = "reset" } },
    { name = "a body cut off (connection closed early)", rule = { action = "truncate" } },
    { name = "a 200 with an empty body", rule = { action = "empty" } },
    { name = "an answer later than the request's timeout", rule = { action = "delay", delayMs = 4000 } },
  }
  for _, case in ipairs(transient) do
    it("survives " .. case.name .. " on a poll", function()
      local rule = case.rule
      rule.path, rule.method, rule.count = "/message", "GET", 1
      servers.fault(rule)
      local token = H.token("fault")
      local out = H.run(pc, [[
        local ai = require("libai")
        local c = ai.client({ timeout = 2 }) -- so that a delayed answer times out quickly
        local text, msg, err = ai.ask(... .. " [reply:survived]", { client = c, newSession = true })
        return { text = text, msg = msg, kind = err and err.kind }
      ]], token)
      assert.are.equal("survived", out.text, tostring(out.msg))
      local log = servers.proxyLog()
      assert.is_true(sawAction(log, rule.action), "the fault was not met")
      -- the prompt went once (libai sends it as the blocking POST .../message)
      assert.are.equal(1, count(log, "POST", "/message") + count(log, "POST", "/prompt_async"))
      assert.are.equal(1, #servers.modelLog(token))
    end)
  end

  it("lets ai print the reply as usual when a proxy's 502 on two polls clears", function()
    local p = servers.newComputer({ url = servers.proxyUrl })
    finally(function() p:destroy() end)
    servers.fault({ action = "html", status = 502, path = "/message", method = "GET", count = 2 })
    local r = p:run("ai.lua", "-n", "[reply:Cleared up]")
    assert.is_true(r.ok, r.error)
    local t = p:transcript()
    assert.truthy(t:find("Cleared up", 1, true), t)
    assert.falsy(t:find("502", 1, true), t)
    assert.truthy(count(servers.proxyLog(), "GET", "/message") >= 3, "two polls failed, a third got the reply")
  end)

  it("lets ai say in one line, at most two screen lines, that a proxy answers instead of opencode", function()
    local p = servers.newComputer({ url = servers.proxyUrl })
    finally(function() p:destroy() end)
    servers.fault({ action = "html", status = 502, count = 100 })
    local r = p:run("ai.lua", "hello")
    assert.falsy(r.ok)
    local lines, first, last = p:screenLines()
    for y, line in ipairs(lines) do
      if line:find("A proxy or web server", 1, true) then first = y end
      if line:find("opencode serve up behind it", 1, true) then last = y end
    end
    assert.truthy(first and last and last - first <= 1, p:screenText())
    local t = p:transcript()
    assert.falsy(t:find("<html", 1, true), t)
    assert.truthy(t:find("Your prompt was kept: ai hello", 1, true), t)
  end)

  it("ends a GET that keeps failing in one line naming the proxy, after 3 tries, without echoing its page", function()
    servers.fault({ action = "html", status = 502, path = "/session", method = "GET", count = 10 })
    local out = H.run(pc, [[
      local ai = require("libai")
      local ok, msg, err = ai.protect(function() return ai.client():sessions() end)
      return { ok = ok, msg = msg, kind = err.kind, status = err.status }
    ]])
    assert.is_nil(out.ok)
    assert.are.equal("proxy", out.kind)
    assert.are.equal(502, out.status)
    assert.truthy(out.msg:find("A proxy or web server at 127.0.0.1:%d+ answered 502, not opencode"), out.msg)
    assert.falsy(out.msg:find("<", 1, true), out.msg)
    assert.truthy(#out.msg <= 102, "fits two 51-column lines: " .. out.msg)
    assert.are.equal(3, count(servers.proxyLog(), "GET", "/session"))
  end)

  it("gives up at once on a 429 whose Retry-After is past the budget, and says when to try again", function()
    servers.fault({ action = "status", status = 429, retryAfter = 60, path = "/agent", count = 5 })
    local out = H.run(pc, [[
      local ai = require("libai")
      local ok, msg, err = ai.protect(function() return ai.client():agents() end)
      return { msg = msg, kind = err.kind, status = err.status }
    ]])
    assert.are.equal(429, out.status)
    assert.truthy(out.msg:find("busy (429): try again in 60 s", 1, true), out.msg)
    assert.are.equal(1, count(servers.proxyLog(), "GET", "/agent"))
  end)

  it("never sends a POST twice: a failed prompt_async is reported, not repeated", function()
    local session = servers.newSession({ url = servers.authUrl })
    servers.fault({ action = "status", status = 502, path = "/prompt_async", count = 3 })
    local out = H.run(pc, [[
      local ai = require("libai")
      local c, sid = ai.client(), ...
      local ok, msg, err = ai.protect(function()
        return c:promptAsync(sid, { messageID = ai.newId("msg"), parts = { { type = "text", text = "[reply:no]" } } })
      end)
      return { msg = msg, kind = err and err.kind }
    ]], session)
    assert.are.equal("server", out.kind)
    assert.truthy(out.msg:find("502", 1, true), out.msg)
    assert.are.equal(1, count(servers.proxyLog(), "POST", "/prompt_async"))
  end)

  it("ends a prompt whose polls are never answered by its timeout + 5 s, and aborts it on the server", function()
    servers.fault({ action = "delay", delayMs = 30000, path = "/message", method = "GET", count = 50 })
    local out = H.run(pc, [[
      local ai = require("libai")
      local started = os.epoch("utc")
      local text, msg, err = ai.ask("[delay:8000] [reply:late]", { timeout = 3, newSession = true })
      return { msg = msg, kind = err and err.kind, elapsed = (os.epoch("utc") - started) / 1000 }
    ]])
    assert.are.equal("timeout", out.kind, tostring(out.msg))
    assert.truthy(out.msg:find("No complete reply within 3 s (opencc.timeout)", 1, true), out.msg)
    -- the bound the issue sets (opencc.timeout + 5 s): without it CC's own 30 s applies
    assert.truthy(out.elapsed <= 3 + 5, "took " .. out.elapsed .. " s")
    assert.truthy(count(servers.proxyLog(), "POST", "/abort") >= 1, "the generation was not aborted")
  end)

  it("caps a request by the deadline given to a client method", function()
    local session = servers.newSession({ url = servers.authUrl })
    servers.fault({ action = "delay", delayMs = 30000, path = "/message", count = 50 })
    local out = H.run(pc, [[
      local ai = require("libai")
      local started, sid = os.epoch("utc"), ...
      local ok, msg, err = ai.protect(function() return ai.client():messages(sid, 5, started + 1500) end)
      return { kind = err and err.kind, elapsed = (os.epoch("utc") - started) / 1000 }
    ]], session)
    assert.are.equal("timeout", out.kind)
    assert.truthy(out.elapsed < 5, "took " .. out.elapsed .. " s")
  end)

  it("says a reply too large for CC is too large, not that the server is unreachable", function()
    pc:destroy()
    pc = H.computer({ url = servers.proxyUrl, maxDownload = 1024 * 1024 })
    servers.fault({ action = "oversized", bytes = 2 * 1024 * 1024, path = "/session", method = "GET" })
    local out = H.run(pc, [[
      local ai = require("libai")
      local ok, msg, err = ai.protect(function() return ai.client():sessions() end)
      return { msg = msg, kind = err.kind }
    ]])
    assert.are.equal("too_large", out.kind)
    assert.truthy(out.msg:find("too large for CC", 1, true), out.msg)
    assert.falsy(out.msg:find("Could not reach", 1, true), out.msg)
  end)
end)
