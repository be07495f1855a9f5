-- Mirrors CC: Tweaked's turtle API (TurtleAPI.java and its commands): true, or false and CC's
-- reason; each command yields for its "turtle_response" event; craft only with a crafting table.
local H = require("test.spec.ccenv.helper")

describe("ccenv turtle", function()
  local pc
  local function world()
    return {
      blocks = { ["0,0,-1"] = { name = "minecraft:stone", drop = "minecraft:cobblestone" },
                 ["0,1,0"] = { name = "minecraft:dirt" } },
      inventory = { [1] = { name = "minecraft:coal", count = 2 } },
      fuel = 1,
    }
  end
  before_each(function() pc = H.computer({ turtle = world() }) end)
  after_each(function() pc:destroy() end)

  it("only a turtle has the turtle API", function()
    local plain = H.computer()
    assert.is_nil(plain.env.turtle)
    plain:destroy()
    assert.is_table(pc.env.turtle)
  end)

  it("digs, moves and runs out of fuel with CC's reasons", function()
    local ok, r = pc:call(function()
      local t = pc.env.turtle
      local out = {}
      local function note(...) out[#out + 1] = table.concat({ tostring(select(1, ...)), tostring(select(2, ...)) }, " ") end
      note(t.forward())
      local found, block = t.inspect()
      out[#out + 1] = tostring(found) .. " " .. block.name
      note(t.dig())
      note(t.dig())
      note(t.forward())
      note(t.forward())
      return out
    end)
    assert.is_true(ok, r)
    assert.are.same({ "false Movement obstructed", "true minecraft:stone", "true nil", "false Nothing to dig here",
      "true nil", "false Out of fuel" }, r)
    assert.are.equal(-1, pc.world.z)
    assert.are.same({ name = "minecraft:cobblestone", count = 1 }, pc.world.inventory[2])
  end)

  it("inspect returns the block's name; refuel burns coal; craft needs a crafting table", function()
    local ok, name, refuel, fuel, craft, notFuel = pc:call(function()
      local t = pc.env.turtle
      local _, b = t.inspectUp()
      local r = t.refuel(1)
      local f = t.getFuelLevel()
      t.select(3)
      local _, why = t.refuel()
      return b.name, r, f, t.craft == nil, why
    end)
    assert.is_true(ok, name)
    assert.are.equal("minecraft:dirt", name)
    assert.is_true(refuel)
    assert.are.equal(81, fuel)
    assert.is_true(craft)
    assert.are.equal("No items to combust", notFuel)
  end)

  it("a turtle command drops other events of its coroutine, as in CC", function()
    local ok, got = pc:call(function()
      pc.env.os.queueEvent("mine")
      pc.env.turtle.turnLeft()
      pc.env.os.queueEvent("after")
      return (pc.env.os.pullEvent())
    end)
    assert.is_true(ok, got)
    assert.are.equal("after", got)
  end)
end)
