-- The agent acts in the world: the real opencode server calls opencc-bridge's tools (the fake
-- model asks for them with [call:NAME:{JSON}]), the bridge relays each call over a CC websocket
-- to a ccenv computer running `ai`, and the result goes back to the model and into the reply.
local servers = require("support.servers")

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function world()
  return {
    blocks = { ["0,0,-1"] = { name = "minecraft:stone", drop = "minecraft:cobblestone" } },
    inventory = { [1] = { name = "minecraft:coal", count = 8 } },
    fuel = 10,
  }
end

--- A computer with the bridge settings (opts.tools default "read,act").
local function computer(opts)
  local settings = {
    ["opencc.bridge_url"] = servers.bridgeUrl,
    ["opencc.bridge_token"] = opts.token or servers.bridgeToken,
    ["opencc.tools"] = opts.tools or "read,act",
  }
  local pc = servers.newComputer({ id = opts.id, label = opts.label, turtle = opts.turtle, settings = settings })
  finally(function() pc:destroy() end)
  return pc
end

--- The model's log entries for this prompt (found by its token), and the tool results it saw.
local function modelSaw(token)
  local entries = servers.modelLog(token)
  local results = {}
  for _, e in ipairs(entries) do
    for _, r in ipairs(e.toolResults or {}) do results[#results + 1] = r end
  end
  return entries, table.concat(results, "\n")
end

describe("opencc-bridge e2e", function()
  it("the agent digs with a turtle: the block is gone, the result reaches the model and the reply", function()
    local pc = computer({ id = 4101, label = "miner", turtle = world() })
    local token = servers.token("dig")
    local r = pc:run("ai.lua", "-n", token .. ' [call:opencc_turtle:{"computer":4101,"action":"dig"}] dig the block in front')
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(has(screen, "> turtle: dig"), screen)
    assert.truthy(has(screen, 'Called opencc_turtle: {"ok":true}'), screen)
    assert.is_nil(pc.world.blocks["0,0,-1"])
    assert.are.same({ name = "minecraft:cobblestone", count = 1 }, pc.world.inventory[2])
    local entries, results = modelSaw(token)
    assert.truthy(has(results, '{"ok":true}'), results)
    -- the agent was offered the bridge's tools and told which computer asks
    assert.truthy(has(table.concat(entries[1].toolNames, ","), "opencc_turtle"))
    assert.truthy(has(entries[1].system, 'ComputerCraft computer 4101 "miner" (a turtle)'), entries[1].system)
  end)

  it("CC's reason for a failed action reaches the agent (Movement obstructed)", function()
    local pc = computer({ id = 4102, turtle = world() })
    local token = servers.token("move")
    local r = pc:run("ai.lua", "-n", token .. ' [call:opencc_turtle:{"computer":4102,"action":"forward"}]')
    assert.is_true(r.ok, r.error)
    local _, results = modelSaw(token)
    assert.truthy(has(results, '"reason":"Movement obstructed"'), results)
    assert.are.equal(0, pc.world.z)
  end)

  it("calls a peripheral method and lists peripherals", function()
    local pc = computer({ id = 4103 })
    pc:attachPeripheral("left", { "minecraft:chest", "inventory" }, {
      list = function() return { { name = "minecraft:diamond", count = 3 } } end,
      size = function() return 27 end,
    })
    local token = servers.token("periph")
    local r = pc:run("ai.lua", "-n", token
      .. ' [call:opencc_peripherals:{"computer":4103}] [call:opencc_peripheral_call:{"computer":4103,"peripheral":"left","method":"list"}]')
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(has(screen, "> peripherals"), screen)
    assert.truthy(has(screen, "> peripheral: left.list"), screen)
    assert.truthy(has(screen, "minecraft:diamond"), screen)
    local _, results = modelSaw(token)
    assert.truthy(has(results, '"types":["minecraft:chest","inventory"]'), results)
    assert.truthy(has(results, '[[{"count":3,"name":"minecraft:diamond"}]]')
      or has(results, '[[{"name":"minecraft:diamond","count":3}]]'), results)
  end)

  it("refuses what opencc.tools does not allow, with a line the agent can read", function()
    local pc = computer({ id = 4104, turtle = world(), tools = "read" })
    local token = servers.token("refuse")
    local r = pc:run("ai.lua", "-n", token .. ' [call:opencc_turtle:{"computer":4104,"action":"dig"}]')
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(has(screen, "> turtle: dig (refused)"), screen)
    assert.truthy(pc.world.blocks["0,0,-1"], "the block is still there")
    local _, results = modelSaw(token)
    assert.truthy(has(results, 'refused by computer 4104: its opencc.tools allows read, and turtle: dig needs "act"'), results)
    assert.truthy(has(results, "set opencc.tools read,act"), results)
  end)

  it("runs Lua in its own environment; a chunk that never yields is stopped and serving goes on", function()
    local pc = computer({ id = 4105, tools = "read,lua" })
    local token = servers.token("lua")
    local r = pc:run("ai.lua", "-n", token
      .. ' [call:opencc_lua:{"computer":4105,"code":"while true do end","timeout":2}]'
      .. ' [call:opencc_lua:{"computer":4105,"code":"return string.rep([[x]], 200000)"}]'
      .. ' [call:opencc_lua:{"computer":4105,"code":"print(\\"hi\\") x = 6 return x * 7, _G.x"}]')
    assert.is_true(r.ok, r.error)
    local _, results = modelSaw(token)
    assert.truthy(has(results, "stopped at its time limit of 2 s"), results)
    assert.truthy(has(results, "is too large for CC's websocket messages (128 KiB): ask for less at a time"), results)
    assert.truthy(has(results, '"values":[42,6]'), results)
    assert.truthy(has(results, '"printed":"hi\\n"'), results)
    -- the chunk's global stayed in its own environment
    assert.is_nil(pc.env.x)
    assert.truthy(has(pc:screenText(), "Called opencc_lua:"), pc:screenText())
  end)

  it("a computer that disconnects mid-call: the agent gets an error, the prompt still completes", function()
    local pc = computer({ id = 4106, tools = "read,lua" })
    -- once the chunk runs (it sleeps), the computer's connection drops
    pc:when(function()
      return pc:exists("sleeping")
    end, function()
      pc.wsManager:closeAll()
    end)
    local token = servers.token("drop")
    local r = pc:run("ai.lua", "-n", token .. ' [call:opencc_lua:{"computer":4106,"code":"fs.open([[sleeping]], [[w]]).close() sleep(30)"}]')
    assert.is_true(r.ok, r.error)
    local _, results = modelSaw(token)
    assert.truthy(has(results, "computer 4106 (computer) disconnected during the call"), results)
    assert.truthy(has(pc:screenText(), "disconnected during the call"), pc:screenText())
  end)

  it("a wrong token: one line saying which setting to fix, and the prompt is still answered", function()
    local pc = computer({ id = 4107, token = "not-the-token" })
    local r = pc:run("ai.lua", "-n", "[reply:answered anyway]")
    assert.is_true(r.ok, r.error)
    -- the line is wrapped at the screen's width
    local screen = pc:screenText():gsub("\n", " ")
    assert.truthy(has(screen, "Not serving the bridge: The bridge refused this computer: wrong bridge token: set opencc.bridge_token"), screen)
    assert.truthy(has(screen, "answered anyway"), screen)
    local r2 = pc:run("ai.lua", "--serve")
    assert.is_false(r2.ok)
    assert.truthy(has(pc:screenText(), "wrong bridge token"), pc:screenText())
  end)

  it("ai --serve serves prompts asked elsewhere until Ctrl+T", function()
    local pc = computer({ id = 4108, label = "base" })
    local token = servers.token("serve")
    local session, messageID
    pc:when(function() return has(pc:screenText(), "Serving the bridge") end, function()
      -- a peripheral placed while serving is announced to the bridge
      pc:attachPeripheral("top", "monitor", {})
      session = servers.newSession()
      messageID = servers.prompt(session, token
        .. ' [call:opencc_computers:{}] [call:opencc_screen:{"computer":4108}]')
    end)
    local lastPoll, answer = 0, nil
    pc:when(function()
      if not messageID or servers.now() - lastPoll < 0.3 then return false end
      lastPoll = servers.now()
      local mine = servers.answers(session, messageID)
      local last = mine[#mine]
      if last and last.info.time and last.info.time.completed and last.info.finish ~= "tool-calls" then
        answer = servers.text(last)
        return true
      end
      return false
    end, function() pc:queueEvent("terminate") end)
    local r = pc:run("ai.lua", "--serve")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(has(screen, "> screen"), screen)
    assert.truthy(has(screen, "Stopped serving."), screen)
    -- the reply quotes only the start of the screen's result (the fake model's 300 characters,
    -- where the JSON's key order decides what comes first): the whole of it is in what the model saw
    assert.truthy(answer and has(answer, "Called opencc_screen: {"), tostring(answer))
    local _, results = modelSaw(token)
    assert.truthy(has(results, "Serving the bridge at " .. servers.bridgeUrl), results)
    assert.truthy(has(results, '"peripherals":["top (monitor)"]'), results)
  end)

  it('asks before a bridge tool when opencode\'s permission says "opencc_*": "ask"', function()
    for _, case in ipairs({ { key = "y", dug = true }, { key = "n", dug = false } }) do
      local pc = computer({ id = 4109, turtle = world() })
      pc:when(function() return has(pc:screenText(), "[y] once, [a] always, [n] no") end, function()
        pc:queueEvent("char", case.key)
      end)
      local r = pc:run("ai.lua", "-n", "-a", "asker", '[call:opencc_turtle:{"computer":4109,"action":"dig"}]')
      assert.is_true(r.ok, r.error)
      local t = pc:transcript()
      assert.truthy(has(t, "The agent wants to use opencc_turtle"), t)
      assert.are.equal(case.dug, pc.world.blocks["0,0,-1"] == nil, t)
      assert.are.equal(case.dug, has(t, "> turtle: dig"), t)
    end
  end)

  it("a peripheral method that never returns is stopped at the call's limit, and serving goes on", function()
    local pc = computer({ id = 4110 })
    pc:attachPeripheral("back", "slow_machine", {
      wait = function() pc.env.os.pullEvent("never_comes") end,
      ping = function() return "pong" end,
    })
    local token = servers.token("hang")
    local r = pc:run("ai.lua", "-n", token
      .. ' [call:opencc_peripheral_call:{"computer":4110,"peripheral":"back","method":"wait"}]'
      .. ' [call:opencc_peripheral_call:{"computer":4110,"peripheral":"back","method":"ping"}]')
    assert.is_true(r.ok, r.error)
    local _, results = modelSaw(token)
    assert.truthy(has(results, "stopped after 6 s, its time limit on the computer"), results)
    assert.truthy(has(results, '["pong"]'), results)
    assert.truthy(has(pc:screenText(), "> peripheral: back.wait (failed)"), pc:screenText())
  end)
end)
