-- Permission requests asked in game: agent asker's bash needs permission.
local servers = require("support.servers")

local function has(text, needle)
  return text:find(needle, 1, true) ~= nil
end

local function answerWith(pc, key)
  pc:when(function() return has(pc:screenText(), "[y] once, [a] always, [n] no") end, function()
    pc:queueEvent("char", key)
  end)
end

describe("ai permission prompts", function()
  it("runs the tool when answered y", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    answerWith(pc, "y")
    local r = pc:run("ai.lua", "-a", "asker", "-s", servers.newSession(), "[tool:bash:echo hi]")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.truthy(has(t, "The agent wants to use bash"), t)
    assert.truthy(has(t, "[y] once, [a] always, [n] no once"), t)
    assert.truthy(has(t, "> bash"), t)
    assert.truthy(has(t, "Tool finished"), t)
  end)

  it("does not run the tool when answered n", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    answerWith(pc, "n")
    local r = pc:run("ai.lua", "-a", "asker", "-s", servers.newSession(), "[tool:bash:echo hi]")
    local t = pc:transcript()
    assert.truthy(has(t, "[y] once, [a] always, [n] no no"), t)
    assert.falsy(has(t, "Tool finished"), t)
    assert.truthy(r.ok or t ~= "", t)
  end)
end)
