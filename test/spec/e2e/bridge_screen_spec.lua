-- The agent reads the player's screen (opencc_screen) through the real opencode server and
-- opencc-bridge. On an advanced computer every program runs in a multishell tab, a CC window
-- (rom/programs/advanced/multishell.lua, rom/apis/window.lua), whose getLine gives back what the
-- screen shows: the output from before `ai` ran included, with its colours. A plain computer's
-- native terminal has no getLine (CC's TermMethods), so only what was written while opencc served
-- is known, and the tool's answer says so.
local servers = require("support.servers")

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function computer(opts)
  local settings = {
    ["opencc.bridge_url"] = servers.bridgeUrl,
    ["opencc.bridge_token"] = servers.bridgeToken,
    ["opencc.tools"] = "read",
  }
  local pc = servers.newComputer({ id = opts.id, multishell = opts.multishell, settings = settings })
  finally(function() pc:destroy() end)
  return pc
end

--- What the model got back from its tool calls for this prompt (found by its token).
local function modelSaw(token)
  local results = {}
  for _, e in ipairs(servers.modelLog(token)) do
    for _, r in ipairs(e.toolResults or {}) do results[#results + 1] = r end
  end
  return table.concat(results, "\n")
end

--- The player's earlier work: two lines, the second an error (red on a colour screen).
local EARLIER = "print('furnace fuel: 17 coal') printError('quarry stopped: bedrock')"

describe("opencc_screen", function()
  it("on an advanced computer the agent sees the real screen, earlier output and its colours", function()
    local pc = computer({ id = 4301, multishell = true })
    pc:writeFile("work.lua", EARLIER)
    assert.is_true(pc:run("work.lua").ok)
    local token = servers.token("screenwin")
    local r = pc:run("ai.lua", "-n", token .. ' [call:opencc_screen:{"computer":4301}] what went wrong?')
    assert.is_true(r.ok, r.error)
    local results = modelSaw(token)
    assert.truthy(has(results, '"source":"window"'), results)
    assert.truthy(has(results, '"furnace fuel: 17 coal"'), results)
    assert.truthy(has(results, '"quarry stopped: bedrock"'), results)
    -- printError's line in red ("e"), as many characters as the line has
    assert.truthy(has(results, '"' .. string.rep("e", #"quarry stopped: bedrock") .. '"'), results)
    assert.is_false(has(results, "cannot be read back"), results)
    -- and the player saw the call
    assert.truthy(has(pc:screenText(), "> screen"), pc:screenText())
  end)

  it("on a plain computer the answer says only output since opencc started serving is known", function()
    local pc = computer({ id = 4302 })
    pc:writeFile("work.lua", EARLIER)
    assert.is_true(pc:run("work.lua").ok)
    local token = servers.token("screenrec")
    -- once ai --serve says it serves, a prompt asked elsewhere reads this screen
    local session, messageID, done
    pc:when(function() return has(pc:screenText(), "Serving the bridge") end, function()
      session = servers.newSession()
      messageID = servers.prompt(session, token .. ' [call:opencc_screen:{"computer":4302}] what went wrong?')
    end)
    local lastPoll = 0
    pc:when(function()
      if not messageID or servers.now() - lastPoll < 0.3 then return false end
      lastPoll = servers.now()
      local mine = servers.answers(session, messageID)
      local last = mine[#mine]
      done = last and last.info.time and last.info.time.completed and last.info.finish ~= "tool-calls"
      return done
    end, function() pc:queueEvent("terminate") end)
    local r = pc:run("ai.lua", "--serve")
    assert.is_true(r.ok, r.error)
    assert.truthy(done, "the prompt was answered")
    local results = modelSaw(token)
    assert.truthy(has(results, '"source":"recorded"'), results)
    assert.truthy(has(results, "only the lines written since opencc started serving"), results)
    assert.truthy(has(results, "what was on the screen before is not known"), results)
    -- what ai wrote while serving was recorded: its status line
    assert.truthy(has(results, "Serving the bridge at " .. servers.bridgeUrl), results)
    -- the earlier lines are still on the player's screen, but the agent could not know them
    assert.truthy(has(pc:screenText(), "quarry stopped: bedrock"), pc:screenText())
    assert.is_false(has(results, "quarry stopped"), results)
    assert.is_false(has(results, '"colours"'), results)
  end)
end)
