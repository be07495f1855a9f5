-- `ai` with no prompt: interactive chat against the real server.
local servers = require("support.servers")
local ccenv = require("ccenv")

local function has(text, needle)
  return text:find(needle, 1, true) ~= nil
end

local function userTexts(session)
  local out = {}
  for _, m in ipairs(servers.call("GET", "/session/" .. session .. "/message")) do
    if m.info.role == "user" then out[#out + 1] = servers.text(m) end
  end
  return out
end

describe("ai chat", function()
  it("holds two turns in one session, then /new starts another", function()
    local session = servers.newSession()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    pc.input = { "[reply:First answer]", "[reply:Second answer]", "/new", "[reply:Third answer]", "/exit" }
    local r = pc:run("ai.lua", "-s", session)
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.truthy(has(t, "First answer"), t)
    assert.truthy(has(t, "Second answer"), t)
    assert.truthy(has(t, "Third answer"), t)
    -- the prompt line names the session (its tail), and "new" after /new
    assert.truthy(has(t, "ai .." .. session:sub(-6) .. "> "), t)
    assert.truthy(has(t, "ai new> "), t)
    local texts = userTexts(session)
    assert.are.same({ "[reply:First answer]", "[reply:Second answer]" }, texts)
    local fresh = pc.env.settings.get("opencc.conversation")
    assert.truthy(fresh and fresh ~= session, "a new conversation was remembered")
    assert.are.same({ "[reply:Third answer]" }, userTexts(fresh))
  end)

  it("leaves cleanly on Ctrl+T at the prompt", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    pc.input = { ccenv.TERMINATE }
    local r = pc:run("ai.lua")
    assert.is_true(r.ok, r.error)
    assert.falsy(has(pc:screenText(), "Terminated"))
  end)

  it("shows /help and says what to do with an unknown command", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    pc.input = { "/help", "/bogus", "/exit" }
    local r = pc:run("ai.lua")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.truthy(has(t, "/session <id>"), t)
    assert.truthy(has(t, "Unknown command /bogus: type /help"), t)
  end)

  it("keeps a failed prompt in the history and says so", function()
    local pc = servers.newComputer({ url = servers.deadUrl })
    finally(function() pc:destroy() end)
    pc.input = { "where did my prompt go", "/exit" }
    local r = pc:run("ai.lua")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.truthy(has(t, "Could not reach the opencode server"), t)
    assert.truthy(has(t, "Your prompt is kept: press Up"), t)
  end)

  it("aborts on the server and says Cancelled on Ctrl+T during a reply", function()
    local session = servers.newSession()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    pc.input = { "[delay:4000] [reply:Too late]" }
    pc:when(function() return pc:screenText():find("[|/%-\\] [1-9]s") ~= nil end, function()
      pc:queueEvent("terminate")
    end)
    local r = pc:run("ai.lua", "-s", session)
    assert.is_true(r.ok, r.error)
    assert.truthy(has(pc:screenText(), "Cancelled"), pc:screenText())
    assert.falsy(("\n" .. pc:screenText() .. "\n"):find("\nToo late\n", 1, true), pc:screenText())
    servers.waitFor("the aborted message", function()
      for _, m in ipairs(servers.call("GET", "/session/" .. session .. "/message")) do
        if m.info.error and m.info.error.name == "MessageAbortedError" then return true end
      end
    end, 10)
  end)
end)
