-- aichat against the real server: players talk to the agent through a fake Advanced Peripherals
-- Chat Box (test/support/chatbox.lua, which mirrors AP's methods, chat event and cooldown); each
-- spec checks what the players see in chat.
local servers = require("support.servers")
local chatbox = require("support.chatbox")

local PLAYERS = { "Alice", "Bob", "Carol" }
local nextId = math.random(1000, 900000)

--- A computer with aichat, libai and a Chat Box with three players online.
local function start(opts)
  opts = opts or {}
  nextId = nextId + 1
  local pc = servers.newComputer({
    noProgram = true, id = nextId, timeout = 60, settings = opts.settings, url = opts.url, password = opts.password,
  })
  pc:copyIn("build/aichat.lua", "aichat.lua")
  local box = chatbox.attach(pc, { cooldown = opts.cooldown or 1, players = PLAYERS, type = opts.type })
  finally(function() pc:destroy() end)
  return pc, box
end

--- Runs aichat until done() holds, then presses Ctrl+T; returns the run's result.
local function runUntil(pc, done)
  pc:when(done, function() pc:queueEvent("terminate") end)
  return pc:run("aichat.lua")
end

--- The conversations aichat remembers: player UUID -> session id.
local function remembered(pc)
  local text = pc:readFile("/.aichat_sessions")
  assert.truthy(text, "no /.aichat_sessions")
  local t = assert((loadstring or load)("return " .. text))()
  local out = {}
  for uuid, v in pairs(t) do out[uuid] = v.session end
  return out
end

local function userMessages(session)
  local n = 0
  for _, m in ipairs(servers.call("GET", "/session/" .. session .. "/message?limit=0")) do
    if m.info.role == "user" then n = n + 1 end
  end
  return n
end

local THINKING = "thinking\226\128\166" -- "thinking…" in UTF-8

--- What `name` was shown, without the thinking note (it comes when the machine is slow).
local function replies(box, name)
  local out = {}
  for _, t in ipairs(box:seen(name)) do
    if t ~= THINKING then out[#out + 1] = t end
  end
  return out
end

local function indexOf(box, to, needle)
  for i, e in ipairs(box.sent) do
    if (to == false or e.to == to) and e.text:find(needle, 1, true) then return i end
  end
end

describe("aichat", function()
  it("answers through a proxy that gives up on requests slower than 1.5 s (prompt_async, then looks)", function()
    servers.clearFaults()
    finally(servers.clearFaults)
    servers.gateway(1500)
    local pc, box = start({ url = servers.proxyUrl })
    local t = servers.token("gateway")
    pc:at(0.2, function() box:say("Alice", "@ai [slow:700][reply:Slow but it arrives through the proxy.] " .. t) end)
    local r = runUntil(pc, function() return box:saw("Alice", "arrives through") end)
    assert.is_true(r.ok, r.error)
    assert.are.same({ "Slow but it arrives through the proxy." }, replies(box, "Alice"))
    assert.are.equal(1, userMessages(remembered(pc)[chatbox.uuid("Alice")]))
    for _, e in ipairs(servers.proxyLog()) do assert.are_not.equal("gateway-504", e.action) end
  end)

  it("answers three players asking at once, each privately, in their own conversation", function()
    local pc, box = start()
    local t = servers.token("three")
    pc:at(0.2, function()
      box:say("Alice", "@ai [delay:1500] [reply:Iron ore is most common around y=16.] " .. t)
      box:say("Bob", "@ai [delay:1500] [reply:Osmium needs **Mekanism** to process.] " .. t)
      box:say("Carol", "@ai [delay:1500] [reply:Wheat grows on `farmland` next to water.] " .. t)
    end)
    local promptsAtFirstReply
    pc:when(function() return #box.sent > 0 end, function() promptsAtFirstReply = #servers.modelLog(t) end)
    local r = runUntil(pc, function()
      return box:saw("Alice", "y=16") and box:saw("Bob", "Mekanism") and box:saw("Carol", "farmland")
    end)
    assert.is_true(r.ok, r.error)
    local dir = os.getenv("OPENCC_TRANSCRIPT_DIR")
    if dir then
      local f = io.open(dir .. "/aichat-three-players-" .. _VERSION:gsub("Lua ", "lua") .. ".txt", "w")
      if f then
        f:write(box:transcript(), "\n")
        f:close()
      end
    end
    -- private: nobody sees another player's answer
    assert.are.same({ "Iron ore is most common around y=16." }, replies(box, "Alice"))
    assert.are.same({ "Osmium needs Mekanism to process." }, replies(box, "Bob"))
    assert.are.same({ "Wheat grows on farmland next to water." }, replies(box, "Carol"))
    -- at once: all three prompts were with the model before the first answer reached the chat
    assert.are.equal(3, promptsAtFirstReply)
    -- the bot's name in brackets before each message
    for _, e in ipairs(box.sent) do assert.are.same({ "AI", "[]" }, { e.prefix, e.brackets }) end
    -- one conversation per player, titled with their name
    local sessions = remembered(pc)
    local seen = {}
    for _, name in ipairs(PLAYERS) do
      local id = sessions[chatbox.uuid(name)]
      assert.truthy(id, name .. " has no conversation")
      assert.is_nil(seen[id])
      seen[id] = true
      assert.are.equal("Minecraft chat: " .. name, servers.call("GET", "/session/" .. id).title)
    end
    -- a log line per prompt on the screen: time, player, length, seconds, outcome
    local screen = pc:screenText()
    for _, name in ipairs(PLAYERS) do
      assert.truthy(screen:find("%d%d:%d%d:%d%d " .. name .. " %d+ ch [%d.]+ s ok"), screen)
    end
    assert.truthy((pc:readFile("/aichat.log") or ""):find("Alice %d+ ch"), "no log file line")
  end)

  it("keeps a player's conversation across restarts; @ai new or a deleted one starts another", function()
    local pc, box = start()
    local t = servers.token("memory")
    pc:at(0.2, function() box:say("Alice", "@ai [reply:first answer] " .. t) end)
    assert.is_true(runUntil(pc, function() return box:saw("Alice", "first answer") end).ok)
    local first = remembered(pc)[chatbox.uuid("Alice")]

    -- aichat restarted: Alice's next prompt continues the same conversation
    pc:at(0.2, function() box:say("Alice", "@ai [reply:second answer] " .. t) end)
    assert.is_true(runUntil(pc, function() return box:saw("Alice", "second answer") end).ok)
    assert.are.equal(first, remembered(pc)[chatbox.uuid("Alice")])
    assert.are.equal(2, userMessages(first))

    pc:at(0.2, function()
      box:say("Alice", "@ai new")
      box:say("Alice", "@ai [reply:third answer] " .. t)
    end)
    assert.is_true(runUntil(pc, function() return box:saw("Alice", "third answer") end).ok)
    assert.truthy(box:saw("Alice", "Your next prompt starts a new conversation."))
    local second = remembered(pc)[chatbox.uuid("Alice")]
    assert.are_not.equal(first, second)
    assert.are.equal(1, userMessages(second))
    assert.are.equal(2, userMessages(first))

    -- the conversation was deleted on the server: the next prompt starts another, and is answered
    servers.call("DELETE", "/session/" .. second)
    pc:at(0.2, function() box:say("Alice", "@ai [reply:fourth answer] " .. t) end)
    assert.is_true(runUntil(pc, function() return box:saw("Alice", "fourth answer") end).ok)
    local third = remembered(pc)[chatbox.uuid("Alice")]
    assert.are_not.equal(second, third)
    assert.are.equal(1, userMessages(third))
  end)

  it("answers a hidden $ai prompt privately even when replies are public", function()
    local pc, box = start({ settings = { ["opencc.chat_public"] = true } })
    local t = servers.token("hidden")
    pc:at(0.2, function()
      box:say("Alice", "@ai [reply:Everyone may read this.] " .. t)
      box:say("Bob", "$ai [reply:Only for Bob.] " .. t)
      box:say("Carol", "@ai help")
    end)
    local r = runUntil(pc, function() return box:saw("Alice", "Everyone may") and box:saw("Bob", "Only for Bob") end)
    assert.is_true(r.ok, r.error)
    -- public: to everyone, naming the asker
    assert.truthy(box:saw("Carol", "@Alice Everyone may read this."))
    assert.is_nil(box.sent[indexOf(box, false, "Everyone may")].to)
    -- hidden: Bob only
    assert.are.equal("Bob", box.sent[indexOf(box, false, "Only for Bob")].to)
    assert.is_false(box:saw("Carol", "Only for Bob"))
    assert.is_false(box:saw("Alice", "Only for Bob"))
    -- the commands, in one message, to the asker only
    local help = box:seen("Carol")
    assert.are.equal("@ai <prompt>: ask (your own conversation; $ai <prompt> asks privately)", help[1]:match("^[^\n]*"))
    assert.truthy(help[1]:find("\n@ai stop: stop the reply you are waiting for\n", 1, true), help[1])
    assert.is_false(box:saw("Alice", "@ai new:"))
  end)

  it("stops a player's reply on the server with @ai stop, after one thinking note", function()
    local pc, box = start()
    local t = servers.token("stop")
    pc:at(0.2, function() box:say("Alice", "@ai [delay:9000] [reply:Too late] " .. t) end)
    pc:when(function() return box:saw("Alice", THINKING) end, function() box:say("Alice", "@ai stop") end)
    local r = runUntil(pc, function() return box:saw("Alice", "Stopped.") end)
    assert.is_true(r.ok, r.error)
    assert.are.same({ THINKING, "Stopped." }, box:seen("Alice"))
    local session = remembered(pc)[chatbox.uuid("Alice")]
    local aborted
    for _, m in ipairs(servers.call("GET", "/session/" .. session .. "/message?limit=0")) do
      if m.info.error and m.info.error.name == "MessageAbortedError" then aborted = true end
    end
    assert.is_true(aborted)
    assert.truthy(pc:screenText():find("Alice %d+ ch [%d.]+ s stopped"), pc:screenText())
  end)

  it("asks each player in chat for a permission and passes on their answer", function()
    local pc, box = start({ settings = { ["opencc.agent"] = "asker" } })
    local t = servers.token("perm")
    pc:at(0.2, function()
      box:say("Alice", "@ai [tool:bash:echo hi-from-chat] [echo] " .. t)
      box:say("Bob", "@ai [tool:bash:echo not-for-bob] [echo] " .. t)
    end)
    pc:when(function() return box:saw("Alice", "The agent wants to use bash") end, function()
      box:say("Alice", "@ai yes")
    end)
    pc:when(function() return box:saw("Bob", "The agent wants to use bash") end, function() box:say("Bob", "@ai no") end)
    local r = runUntil(pc, function()
      return box:saw("Alice", "Tool finished") and box:saw("Bob", "stopped without a reply")
    end)
    assert.is_true(r.ok, r.error)
    assert.truthy(box:saw("Alice", "The agent wants to use bash: echo hi-from-chat. Answer @ai yes, @ai always or @ai no."))
    assert.truthy(box:saw("Alice", "Tool finished. hi-from-chat"))
    assert.truthy(box:saw("Bob", "The agent wants to use bash: echo not-for-bob."))
    assert.is_false(box:saw("Bob", "Tool finished"))
    -- answers are not prompts
    assert.are.equal(0, #servers.modelLog("@ai yes"))
  end)

  it("asks the player the agent's question in chat and sends back the option picked", function()
    local pc, box = start()
    local t = servers.token("question")
    pc:at(0.2, function() box:say("Bob", "@ai [question:Which ore?|Iron|Osmium] " .. t) end)
    pc:when(function() return box:saw("Bob", "Which ore?") end, function() box:say("Bob", "@ai 2") end)
    local r = runUntil(pc, function() return box:saw("Bob", "Answered") end)
    assert.is_true(r.ok, r.error)
    assert.truthy(box:saw("Bob", "Which ore? 1) Iron  2) Osmium  Answer @ai 1 to @ai 2, or @ai no."))
    -- the model's answer quotes what the server recorded as Bob's choice
    assert.truthy(box:saw("Bob", '"Which ore?"="Osmium"'))
  end)

  it("splits a long reply into chat-sized messages and loses none to the cooldown", function()
    -- A cooldown longer than AP's default: aichat's first sends are refused and must be retried.
    local pc, box = start({ cooldown = 1.5 })
    local t = servers.token("long")
    pc:at(0.2, function()
      box:say("Alice", "@ai [long:150] " .. t)
      box:say("Bob", "@ai [reply:A short one for Bob.] " .. t)
    end)
    local r = runUntil(pc, function() return box:saw("Alice", "Line 150") and box:saw("Bob", "short one") end)
    assert.is_true(r.ok, r.error)
    assert.truthy(box.refused > 0, "the cooldown never refused a message")
    local lines = {}
    local alice = box:messages("Alice")
    assert.truthy(#alice >= 5, #alice .. " messages")
    for _, e in ipairs(alice) do
      if e.to == "Alice" then
        assert.truthy(#e.text <= 240, #e.text .. " bytes")
        for l in e.text:gmatch("[^\n]+") do lines[#lines + 1] = l end
      end
    end
    local want = {}
    for i = 1, 150 do want[i] = "Line " .. i end
    assert.are.same(want, lines)
    -- messages take turns between players: Bob's answer does not wait for all of Alice's
    assert.truthy(indexOf(box, "Bob", "short one") < indexOf(box, "Alice", "Line 150"))
  end)

  it("told a shorter cooldown than the Chat Box has (opencc.chat_cooldown 0), loses no message", function()
    local pc, box = start({ cooldown = 1, settings = { ["opencc.chat_cooldown"] = 0 } })
    local t = servers.token("cool")
    pc:at(0.2, function()
      for _, n in ipairs({ "Alice", "Bob", "Carol" }) do box:say(n, "@ai [reply:for " .. n .. "] " .. t) end
    end)
    local r = runUntil(pc, function()
      return box:saw("Alice", "for Alice") and box:saw("Bob", "for Bob") and box:saw("Carol", "for Carol")
    end)
    assert.is_true(r.ok, r.error)
    -- the thinking notes and the answers at once: the box refuses some, aichat sends them again
    assert.truthy(box.refused > 0, "the cooldown never refused a message")
    for _, n in ipairs({ "Alice", "Bob", "Carol" }) do assert.are.same({ "for " .. n }, replies(box, n)) end
  end)

  it("holds to the allow-list, the rate limit and the prompt length, one polite line each", function()
    local pc, box = start({
      settings = {
        ["opencc.chat_players"] = "alice, Bob",
        ["opencc.chat_rate"] = 2,
        ["opencc.chat_max_prompt"] = 70,
      },
    })
    local t = servers.token("guard")
    pc:at(0.2, function()
      box:say("Carol", "@ai [reply:not for Carol] " .. t)
      box:say("Alice", "@ai " .. string.rep("x", 71))
      box:say("Alice", "$ai " .. string.rep("y", 71))
      box:say("Bob", "@ai [delay:1000] [reply:b-one] " .. t)
      box:say("Bob", "@ai [reply:b-two] " .. t)
      box:say("Bob", "@ai [reply:b-three] " .. t)
    end)
    local r = runUntil(pc, function() return box:saw("Bob", "b-two") end)
    assert.is_true(r.ok, r.error)
    assert.are.same({ "Sorry, this AI only answers the players its owner listed." }, box:seen("Carol"))
    assert.are.same({
      "Please keep prompts under 70 characters (that one has 71).",
      -- a hidden prompt is seen by nobody, its author included: the refusal gives it back
      "Please keep prompts under 70 characters (that one has 71). Your prompt was: " .. string.rep("y", 71),
    }, box:seen("Alice"))
    local bob = replies(box, "Bob")
    assert.are.same({
      "Queued: your earlier prompt is still being answered (1 waiting).",
      "Slow down: at most 2 prompts a minute. Try again in 60 s.",
      "b-one",
      "b-two",
    }, bob)
    assert.are.equal(2, #servers.modelLog(t))
  end)

  it("tells the player in one short line when the server refuses or is down, and keeps running", function()
    local pc, box = start({ password = "wrong-password" })
    pc:at(0.2, function() box:say("Alice", "@ai hello there") end)
    pc:when(function() return #box:seen("Alice") == 1 end, function() box:say("Alice", "@ai again") end)
    local r = runUntil(pc, function() return #box:seen("Alice") == 2 end)
    assert.is_true(r.ok, r.error)
    assert.are.same({
      "The AI server refused this computer's credentials; tell the computer's owner. Your prompt was: hello there",
      "The AI server refused this computer's credentials; tell the computer's owner. Your prompt was: again",
    }, box:seen("Alice"))
    -- the screen has the full line for the owner; nobody sees a password
    local screen = pc:transcript()
    assert.truthy(screen:find("Alice %d+ ch [%d.]+ s auth"), screen)
    assert.truthy(screen:find("opencc.password", 1, true), screen)
    for _, e in ipairs(box.sent) do
      assert.falsy(e.json:find("wrong-password", 1, true))
      assert.falsy(e.json:find(servers.password, 1, true))
    end
    assert.falsy(screen:find("wrong-password", 1, true))

    local pc2, box2 = start({ url = servers.deadUrl })
    pc2:at(0.2, function() box2:say("Bob", "@ai anyone home?") end)
    assert.is_true(runUntil(pc2, function() return #box2:seen("Bob") == 1 end).ok)
    assert.are.same(
      { "The AI server cannot be reached right now; try again later. Your prompt was: anyone home?" },
      box2:seen("Bob")
    )
  end)

  it("turns markdown into text components and keeps non-ASCII text intact", function()
    local pc, box = start({ type = "chat_box" })
    local t = servers.token("md")
    pc:at(0.2, function()
      box:say("Alice", "@ai [markdown] " .. t)
      box:say("Bob", "@ai [unicode] " .. t)
    end)
    local r = runUntil(pc, function() return box:saw("Alice", "link") and box:saw("Bob", "done") end)
    assert.is_true(r.ok, r.error)
    local spans = {}
    for _, e in ipairs(box:messages("Alice")) do
      for _, s in ipairs(e.component.extra or {}) do spans[#spans + 1] = s end
    end
    local function span(text)
      for _, s in ipairs(spans) do
        if s.text == text then return s end
      end
      error("no span " .. text)
    end
    assert.is_true(span("Fake heading").bold)
    assert.is_true(span("bold").bold)
    assert.are.equal("aqua", span("inline code").color)
    assert.are.equal("aqua", span('print("hello from lua")').color)
    assert.are.same({ action = "open_url", value = "http://example.com" }, span("link").clickEvent)
    assert.truthy(box:saw("Alice", "\226\128\162 first item"))
    -- the JSON is plain ASCII (CC passes strings to Java as ISO-8859-1); Minecraft decodes the escapes
    local bob = box:messages("Bob")[1]
    assert.falsy(bob.json:find("[\128-\255]"))
    assert.are.equal(
      "Caf\195\169 \226\128\156quoted\226\128\157 \226\128\148 wait\226\128\166 \226\128\162 item \226\134\146 next \240\159\152\128 \226\148\128\226\148\128 done",
      bob.text
    )
  end)
end)

describe("aichat program", function()
  local function computer(opts)
    local pc = servers.newComputer({ noProgram = true, settings = opts and opts.settings })
    pc:copyIn("build/aichat.lua", "aichat.lua")
    finally(function() pc:destroy() end)
    return pc
  end

  it("says in one line what to do when there is no Chat Box", function()
    local pc = computer()
    local r = pc:run("aichat.lua")
    assert.is_false(r.ok)
    local text = pc:transcript():gsub("\n", " ")
    assert.are.equal(
      "No Chat Box found: place an Advanced Peripherals Chat Box next to this computer (or on a wired modem), then run aichat again.",
      text:gsub("%s+$", "")
    )
  end)

  it("names the setting to fix when one is wrong", function()
    local pc = computer({ settings = { ["opencc.chat_permissions"] = "maybe" } })
    chatbox.attach(pc, {})
    local r = pc:run("aichat.lua")
    assert.is_false(r.ok)
    local text = pc:transcript():gsub("\n", " ")
    assert.truthy(text:find('opencc.chat_permissions is "maybe": set opencc.chat_permissions ask (or reject)', 1, true), text)
  end)

  it("names opencc.chat_cooldown when it is negative", function()
    local pc = computer({ settings = { ["opencc.chat_cooldown"] = -1 } })
    chatbox.attach(pc, {})
    local r = pc:run("aichat.lua")
    assert.is_false(r.ok)
    local text = pc:transcript():gsub("\n", " ")
    assert.truthy(text:find("opencc.chat_cooldown must be 0 or more seconds: set opencc.chat_cooldown 1", 1, true), text)
  end)

  it("shows its help and version", function()
    local pc = computer()
    assert.is_true(pc:run("aichat.lua", "--help").ok)
    assert.truthy(pc:transcript():find("$ai <prompt>", 1, true), pc:transcript())
    assert.is_true(pc:run("aichat.lua", "--version").ok)
    assert.truthy(pc:transcript():find("aichat 0.1.0 (libai 0.1.0)", 1, true), pc:transcript())
  end)
end)
