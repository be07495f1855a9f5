-- The wait as the seed designs it, against the real server: a prompt goes out with prompt_async
-- and our own message id, and its reply is found by looking at the session; the blocking
-- endpoint only with sync (ai --sync). Behind a proxy that gives up on slow requests (the fault
-- proxy's gateway mode, as nginx's proxy_read_timeout: 504 and its page while the request goes
-- on upstream) the reply still arrives, and the server holds the prompt once. After Ctrl+T the
-- next prompt on the session gets its own reply.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

local function count(log, method, pathPart, action)
  local n = 0
  for _, e in ipairs(log) do
    if e.method == method and e.path:find(pathPart, 1, true) and (action == nil or e.action == action) then
      n = n + 1
    end
  end
  return n
end

--- The user messages of a session, each with its text parts' texts.
local function userMessages(session)
  local out = {}
  for _, m in ipairs(servers.call("GET", "/session/" .. session .. "/message?limit=0")) do
    if m.info.role == "user" then
      local texts = {}
      for _, p in ipairs(m.parts) do
        if p.type == "text" then texts[#texts + 1] = p.text end
      end
      out[#out + 1] = { id = m.info.id, texts = texts }
    end
  end
  return out
end

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

-- A reply the model takes over 3 s to write (four words, 1 s apart): longer than the gateway's 1.5 s.
local SLOW = "[slow:1000][reply:written slowly but here] "

describe("the wait (e2e): prompt_async, then looking for the reply", function()
  local pc
  before_each(function()
    servers.clearFaults()
    pc = H.computer({ url = servers.proxyUrl })
  end)
  after_each(function()
    pc:destroy()
    servers.clearFaults()
  end)

  it("sends the prompt with prompt_async, never the blocking endpoint", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[reply:sent async] hi")
      return { text = text, session = reply and reply.sessionID, messageID = reply and reply.messageID }
    ]])
    assert.are.equal("sent async", out.text)
    local log = servers.proxyLog()
    assert.are.equal(1, count(log, "POST", "/prompt_async"))
    assert.are.equal(0, count(log, "POST", "/message"))
    local users = userMessages(out.session)
    assert.are.equal(1, #users)
    assert.are.equal(out.messageID, users[1].id)
  end)

  it("gets the reply through a proxy that gives up on requests slower than 1.5 s (libai.ask)", function()
    servers.gateway(1500)
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask(...)
      return { text = text, msg = reply, session = type(reply) == "table" and reply.sessionID or nil }
    ]], SLOW .. H.token("gw"))
    assert.are.equal("written slowly but here", out.text, tostring(out.msg))
    assert.are.equal(0, count(servers.proxyLog(), "POST", "", "gateway-504"))
    assert.are.equal(1, #userMessages(out.session))
  end)

  it("sync: the proxy's 504 is said in a note, the reply arrives anyway, the prompt is held once", function()
    servers.gateway(1500)
    local out = H.run(pc, [[
      local ai = require("libai")
      local notes = {}
      local text, reply = ai.ask(..., { sync = true, onNote = function(n) notes[#notes + 1] = n end })
      return { text = text, msg = reply, notes = notes, session = type(reply) == "table" and reply.sessionID or nil }
    ]], SLOW .. H.token("gwsync"))
    assert.are.equal("written slowly but here", out.text, tostring(out.msg))
    assert.are.equal(1, count(servers.proxyLog(), "POST", "/message", "gateway-504"), "the blocking POST met the 504")
    assert.are.equal(1, #out.notes)
    assert.truthy(has(out.notes[1], "answered 504 (it gave up waiting)"), out.notes[1])
    assert.truthy(has(out.notes[1], "but the server has the prompt: waiting for its reply."), out.notes[1])
    local users = userMessages(out.session)
    assert.are.equal(1, #users, "never sent twice")
    assert.are.equal(1, #users[1].texts)
  end)

  it("a prompt the server holds but does not answer is sent once more, with the same ids", function()
    servers.fault({ action = "noreply", path = "/prompt_async", method = "POST" })
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask(...)
      return { text = text, msg = reply, session = type(reply) == "table" and reply.sessionID or nil }
    ]], "[reply:answered the second time] " .. H.token("noreply"))
    assert.are.equal("answered the second time", out.text, tostring(out.msg))
    assert.are.equal(2, count(servers.proxyLog(), "POST", "/prompt_async"))
    local users = userMessages(out.session)
    assert.are.equal(1, #users, "the server merged the second send into the message it held")
    assert.are.equal(1, #users[1].texts, "and its text is there once")
  end)

  it("after Ctrl+T, the next prompt on the session gets its own reply (libai.ask)", function()
    local session = servers.newSession()
    pc:at(3, function() pc:queueEvent("terminate") end)
    local _, r = H.run(pc, [[
      local ai = require("libai")
      ai.ask("[slow:500][reply:one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen] go", { session = ... })
      return {}
    ]], session)
    assert.are.equal("Terminated", r.error)
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg = ai.ask("[reply:the second reply] again", { session = ... })
      return { text = text, msg = msg }
    ]], session)
    assert.are.equal("the second reply", out.text, tostring(out.msg))
  end)
end)

describe("the wait in the ai program (e2e)", function()
  local pc
  before_each(function()
    servers.clearFaults()
    pc = H.computer({ url = servers.proxyUrl })
    pc:copyIn("build/ai.lua", "ai.lua")
  end)
  after_each(function()
    pc:destroy()
    servers.clearFaults()
  end)

  it("prints the reply through a proxy that gives up after 1.5 s", function()
    servers.gateway(1500)
    local r = pc:run("ai.lua", SLOW .. H.token("aigw"))
    local screen = pc:screenText()
    assert.is_true(r.ok, screen)
    assert.truthy(has(screen, "written slowly but here"), screen)
    assert.falsy(has(screen, "504"), screen)
  end)

  it("ai --sync says what the proxy's 504 means, then prints the reply", function()
    servers.gateway(1500)
    local r = pc:run("ai.lua", "--sync", SLOW .. H.token("aisync"))
    local screen = pc:screenText()
    assert.is_true(r.ok, screen)
    -- the note is printed whole (wrapped), not cut to the width
    assert.truthy(has(screen:gsub("\n", " "), "(it gave up waiting), but the server has the prompt: waiting for its reply."), screen)
    assert.truthy(has(screen, "written slowly but here"), screen)
    assert.falsy(has(screen, "is opencode serve up"), screen)
  end)

  it("after Ctrl+T, the next ai on the session prints its own reply", function()
    local session = servers.newSession()
    pc:at(3, function() pc:queueEvent("terminate") end)
    pc:run("ai.lua", "-s", session, "[slow:500][reply:a b c d e f g h i j k l m n o p] go")
    assert.truthy(has(pc:screenText(), "Cancelled"), pc:screenText())
    local r = pc:run("ai.lua", "-s", session, "[reply:my own reply] again")
    local screen = pc:screenText()
    assert.is_true(r.ok, screen)
    assert.truthy(has(screen, "my own reply"), screen)
  end)
end)
