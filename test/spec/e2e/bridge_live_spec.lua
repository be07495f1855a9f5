-- Live replies through opencc-bridge (issue 19, part 3): the bridge reads the real server's event
-- stream and relays a session's events to the computer waiting on it, once the computer's own
-- credential has been checked with the server. With it the text reaches onText while the model
-- writes it (GET /message shows a text part empty until its step ends); without it the same
-- reply arrives at its end. The fake model writes the reply word by word ([slow:MS]); the
-- server's time.completed and the computer's os.epoch("utc") share this machine's clock.
local H = require("spec.e2e.libai_helper")
local process = require("support.process")
local servers = H.servers

local WORDS = "one two three four five six seven eight"
local PROMPT = "[slow:400][reply:" .. WORDS .. "]"

-- Asks while serving the bridge (as `ai` does with opencc.bridge_url set); returns the pieces
-- onText got with the time each came, the reply's text, the server's time.completed and the
-- requests the computer made while waiting.
local ASK_SERVING = [[
  local ai = require("libai")
  local prompt, session, announce = ...
  local conn = assert(ai.bridge())
  local pieces, out = {}, {}
  parallel.waitForAny(function()
    local text, reply = ai.ask(prompt, { session = session, onText = function(piece)
      pieces[#pieces + 1] = { at = os.epoch("utc"), text = piece }
      if announce and #pieces == 1 then print("first words") end
    end })
    out.text, out.err = text, not text and tostring(reply) or nil
    if text then out.completed = reply.messages[#reply.messages].info.time.completed end
  end, function()
    -- as ai does: the prompt goes on when the connection ends
    pcall(conn.serve, conn)
    while true do os.pullEventRaw("opencc_never") end
  end)
  conn:close()
  out.pieces = pieces
  return out
]]

-- A computer speaking the bridge's protocol itself (right token): it watches a session with the
-- credential given and counts what the bridge relays in 4 s.
local SPY = [[
  local url, token, session, auth = ...
  local ws = assert(http.websocket(url))
  ws.send(textutils.serialiseJSON({ type = "hello", token = token, id = os.getComputerID(), kind = "computer",
    tools = {}, peripherals = {} }))
  local got = { events = 0 }
  local welcome = textutils.unserialiseJSON(ws.receive(5) or "{}")
  if welcome.type ~= "welcome" then error("no welcome: " .. tostring(welcome.type)) end
  ws.send(textutils.serialiseJSON({ type = "watch", session = session, auth = auth }))
  local stop = os.epoch("utc") + 4000
  while os.epoch("utc") < stop do
    local msg = ws.receive(math.max((stop - os.epoch("utc")) / 1000, 0.05))
    local m = msg and textutils.unserialiseJSON(msg)
    if m and m.type == "watching" then got.ok, got.error = m.ok, m.error end
    if m and m.type == "event" then got.events = got.events + 1 end
  end
  ws.close()
  return got
]]

local function computer(opts)
  opts = opts or {}
  local settings = { ["opencc.bridge_url"] = opts.bridgeUrl or servers.bridgeUrl, ["opencc.bridge_token"] = servers.bridgeToken }
  local pc = H.computer({ settings = opts.noBridge and {} or settings })
  finally(function() pc:destroy() end)
  return pc
end

local function joined(pieces)
  local t = {}
  for i, p in ipairs(pieces) do t[i] = p.text end
  return table.concat(t)
end

-- pieces that came more than a second before the server completed the reply
local function early(out)
  local n = 0
  for _, p in ipairs(out.pieces) do if p.at < out.completed - 1000 then n = n + 1 end end
  return n
end

local function serverText(session)
  local all = servers.call("GET", "/session/" .. session .. "/message?limit=0")
  return servers.text(all[#all])
end

describe("live replies through the bridge", function()
  it("shows the text while the model writes it: several pieces seconds before the end, the whole equal to the server's", function()
    local pc = computer()
    local session = servers.newSession()
    local out = H.run(pc, ASK_SERVING, PROMPT, session)
    assert.is_nil(out.err)
    assert.are.equal(WORDS, out.text)
    assert.are.equal(serverText(session), out.text)
    assert.are.equal(out.text, joined(out.pieces))
    assert.is_true(early(out) >= 3, ("%d of %d pieces came a second or more before the end"):format(early(out), #out.pieces))
  end)

  it("ai shows the words on the screen as they are written", function()
    local session = servers.newSession()
    local pc = H.computer({ noProgram = false, settings = { ["opencc.bridge_url"] = servers.bridgeUrl,
      ["opencc.bridge_token"] = servers.bridgeToken, ["opencc.session_id"] = session } })
    finally(function() pc:destroy() end)
    pc:copyIn("build/ai.lua", "ai.lua")
    local sawThree
    pc:when(function() return pc:transcript():find("one two three", 1, true) ~= nil end, function()
      sawThree = servers.now() * 1000
    end)
    assert.is_true(pc:run("ai.lua", PROMPT).ok)
    assert.truthy(pc:transcript():find(WORDS, 1, true), pc:transcript())
    local all = servers.call("GET", "/session/" .. session .. "/message?limit=0")
    local completed = all[#all].info.time.completed
    assert.is_true(sawThree ~= nil and sawThree < completed - 1000,
      ("'one two three' was on the screen %s ms before the end"):format(sawThree and completed - sawThree or "never"))
  end)

  it("without the bridge the same reply comes at its end, by polling", function()
    local pc = computer({ noBridge = true })
    local session = servers.newSession()
    local out = H.run(pc, [[
      local ai = require("libai")
      local prompt, session = ...
      local pieces = {}
      local text, reply = ai.ask(prompt, { session = session, onText = function(piece)
        pieces[#pieces + 1] = { at = os.epoch("utc"), text = piece }
      end })
      return { text = text, pieces = pieces, completed = reply.messages[#reply.messages].info.time.completed }
    ]], PROMPT, session)
    assert.are.equal(WORDS, out.text)
    assert.are.equal(out.text, joined(out.pieces))
    assert.are.equal(0, early(out))
  end)

  it("falls back to polling when the bridge goes away mid-reply: nothing lost, nothing shown twice", function()
    -- A bridge of this spec's own, reading the same server's events; its MCP registration goes
    -- under another name and a directory of its own, so the shared bridge's tools stay.
    local dir = os.tmpname()
    os.remove(dir)
    assert(process.succeeds("mkdir -p " .. dir))
    local bridge = process.start({ "node", "build/bridge/main.js", "--host", "127.0.0.1", "--port", "0",
      "--token", servers.bridgeToken, "--opencode", servers.authUrl, "--name", "opencc_live", "--directory", dir,
      "--json-ready", "--quiet" }, { OPENCODE_SERVER_PASSWORD = servers.password })
    finally(function()
      bridge.stop()
      os.execute("rm -rf " .. dir)
    end)
    local pc = computer({ bridgeUrl = "ws://127.0.0.1:" .. bridge.ready.port .. "/cc" })
    local session = servers.newSession()
    -- the bridge stops once the first words are on the screen
    local stoppedAt
    pc:when(function() return pc:transcript() ~= "" end, function()
      bridge.stop()
      stoppedAt = servers.now() * 1000
    end)
    local out, r, screen = H.run(pc, ASK_SERVING, PROMPT, session, "announce")
    assert(out, tostring(r.error) .. "\n" .. screen)
    assert.is_nil(out.err)
    assert.are.equal(WORDS, out.text)
    assert.are.equal(out.text, joined(out.pieces))
    assert.is_true(early(out) >= 1, "the first words came live")
    -- the rest came after the bridge had gone, by looking
    assert.is_true(stoppedAt ~= nil and out.pieces[#out.pieces].at > stoppedAt)
  end)

  it("relays nothing to a computer that holds the bridge token but not the server's password", function()
    local session = servers.newSession()
    local function spy(auth)
      -- a reply runs on the server (about 2.4 s) while the computer watches its session
      servers.prompt(session, "[slow:300][reply:a b c d e f g h]")
      return H.run(computer(), SPY, servers.bridgeUrl, servers.bridgeToken, session, auth)
    end
    local wrong = spy(servers.basicAuth(servers.username, "not-the-password"))
    assert.is_false(wrong.ok)
    assert.truthy(tostring(wrong.error):find("password", 1, true), tostring(wrong.error))
    assert.are.equal(0, wrong.events)
    local none = spy("")
    assert.is_false(none.ok)
    assert.are.equal(0, none.events)
    -- the same watch with the password does hear the reply
    local right = spy(servers.basicAuth(servers.username, servers.password))
    assert.is_true(right.ok, tostring(right.error))
    assert.is_true(right.events > 0)
  end)
end)
