-- A turtle for ccenv computers made with ccenv.new{ turtle = world }: CC: Tweaked's turtle API
-- over a small simulated world. Mirrors TurtleAPI/TurtleCommand: each command yields until its
-- "turtle_response" event (so a turtle call drops other events of its coroutine, as in CC),
-- and answers true, or false and CC's reason ("Movement obstructed", "Out of fuel", "Nothing to
-- dig here", "No block to inspect", "No items to place", "No items to drop", "No items to take",
-- "Items not combustible"). turtle.craft exists only with a crafting table equipped, as in CC.
--
-- world = {
--   blocks = { ["0,0,-1"] = { name = "minecraft:stone", drop = "minecraft:cobblestone" } },
--   inventory = { [1] = { name = "minecraft:coal", count = 4 } },   -- 16 slots
--   fuel = 10, fuelLimit = 20000, x/y/z = 0, facing = 0 (0 north = -z, 1 east, 2 south, 3 west)
--   chests = { ["0,0,-1"] = { items } }  -- drop/suck targets
-- }
-- The spec reads pc.world afterwards (blocks, inventory, x/y/z, facing, fuel).
local M = {}

local DIRS = { [0] = { 0, -1 }, [1] = { 1, 0 }, [2] = { 0, 1 }, [3] = { -1, 0 } }
local FUEL = { ["minecraft:coal"] = 80, ["minecraft:charcoal"] = 80, ["minecraft:lava_bucket"] = 1000 }

local function key(x, y, z) return x .. "," .. y .. "," .. z end

function M.make(pc)
  local w = pc.world
  w.blocks, w.inventory, w.chests = w.blocks or {}, w.inventory or {}, w.chests or {}
  w.x, w.y, w.z, w.facing = w.x or 0, w.y or 0, w.z or 0, w.facing or 0
  w.fuel, w.fuelLimit = w.fuel or 0, w.fuelLimit or 20000
  w.selected = w.selected or 1
  w.log = w.log or {}
  local G = pc.env
  local t = {}
  local commands = 0

  -- CC: the command runs on the server thread and its result comes back as an event.
  local function respond(...)
    commands = commands + 1
    local id = commands
    pc:queueEvent("turtle_response", id, ...)
    while true do
      local ev = { G.os.pullEvent("turtle_response") }
      if ev[2] == id then return (table.unpack or unpack)(ev, 3, 4) end
    end
  end
  local function record(name) w.log[#w.log + 1] = name end

  local function target(dir)
    if dir == "up" then return w.x, w.y + 1, w.z end
    if dir == "down" then return w.x, w.y - 1, w.z end
    local d = DIRS[w.facing]
    if dir == "back" then return w.x - d[1], w.y, w.z - d[2] end
    return w.x + d[1], w.y, w.z + d[2]
  end

  local function addItem(name, count)
    for i = 1, 16 do
      local s = w.inventory[i]
      if s and s.name == name and s.count < 64 then
        local n = math.min(64 - s.count, count)
        s.count, count = s.count + n, count - n
      end
      if count == 0 then return true end
    end
    for i = 1, 16 do
      if not w.inventory[i] then
        w.inventory[i] = { name = name, count = count }
        return true
      end
    end
    return false
  end

  local function move(dir, name)
    return function()
      record(name)
      if w.fuel <= 0 then return respond(false, "Out of fuel") end
      local x, y, z = target(dir)
      if w.blocks[key(x, y, z)] then return respond(false, "Movement obstructed") end
      w.x, w.y, w.z, w.fuel = x, y, z, w.fuel - 1
      return respond(true)
    end
  end
  t.forward, t.back, t.up, t.down =
    move("front", "forward"), move("back", "back"), move("up", "up"), move("down", "down")
  function t.turnLeft() record("turnLeft") w.facing = (w.facing + 3) % 4 return respond(true) end
  function t.turnRight() record("turnRight") w.facing = (w.facing + 1) % 4 return respond(true) end

  for suffix, dir in pairs({ [""] = "front", Up = "up", Down = "down" }) do
    t["dig" .. suffix] = function()
      record("dig" .. suffix)
      local k = key(target(dir))
      local b = w.blocks[k]
      if not b then return respond(false, "Nothing to dig here") end
      if b.unbreakable then return respond(false, "Cannot break unbreakable block") end
      w.blocks[k] = nil
      addItem(b.drop or b.name, 1)
      return respond(true)
    end
    t["detect" .. suffix] = function()
      return respond(w.blocks[key(target(dir))] ~= nil)
    end
    t["inspect" .. suffix] = function()
      local b = w.blocks[key(target(dir))]
      if not b then return respond(false, "No block to inspect") end
      return respond(true, { name = b.name, state = b.state or {}, tags = b.tags or {} })
    end
    t["place" .. suffix] = function()
      record("place" .. suffix)
      local s = w.inventory[w.selected]
      if not s then return respond(false, "No items to place") end
      local k = key(target(dir))
      if w.blocks[k] then return respond(false, "Cannot place block here") end
      w.blocks[k] = { name = s.name }
      s.count = s.count - 1
      if s.count == 0 then w.inventory[w.selected] = nil end
      return respond(true)
    end
    t["drop" .. suffix] = function(count)
      record("drop" .. suffix)
      local s = w.inventory[w.selected]
      if not s then return respond(false, "No items to drop") end
      local n = math.min(count or s.count, s.count)
      local k = key(target(dir))
      w.chests[k] = w.chests[k] or {}
      table.insert(w.chests[k], { name = s.name, count = n })
      s.count = s.count - n
      if s.count == 0 then w.inventory[w.selected] = nil end
      return respond(true)
    end
    t["suck" .. suffix] = function(count)
      record("suck" .. suffix)
      local c = w.chests[key(target(dir))]
      local item = c and table.remove(c, 1)
      if not item then return respond(false, "No items to take") end
      addItem(item.name, math.min(count or item.count, item.count))
      return respond(true)
    end
  end

  function t.select(slot)
    if type(slot) ~= "number" or slot < 1 or slot > 16 then error("Slot out of range (1 - 16)", 2) end
    w.selected = slot
    return respond(true)
  end
  function t.getSelectedSlot() return w.selected end
  function t.getItemCount(slot)
    local s = w.inventory[slot or w.selected]
    return s and s.count or 0
  end
  function t.getItemSpace(slot) return 64 - t.getItemCount(slot) end
  function t.getItemDetail(slot)
    local s = w.inventory[slot or w.selected]
    if not s then return nil end
    return { name = s.name, count = s.count }
  end
  function t.getFuelLevel() return w.fuel end
  function t.getFuelLimit() return w.fuelLimit end
  function t.refuel(count)
    record("refuel")
    local s = w.inventory[w.selected]
    if not s then return respond(false, "No items to combust") end
    local per = FUEL[s.name]
    if not per then return respond(false, "Items not combustible") end
    local n = math.min(count or s.count, s.count)
    w.fuel = math.min(w.fuelLimit, w.fuel + per * n)
    s.count = s.count - n
    if s.count == 0 then w.inventory[w.selected] = nil end
    return respond(true)
  end
  local function craft()
    record("craft")
    return respond(false, "No matching recipes")
  end
  local function equip(side)
    return function()
      record("equip" .. side)
      local s = w.inventory[w.selected]
      local old = w["equipped" .. side]
      if not s and not old then return respond(true) end
      if s and s.name ~= "minecraft:crafting_table" and s.name ~= "minecraft:diamond_pickaxe" then
        return respond(false, "Not a valid upgrade")
      end
      w.inventory[w.selected] = old and { name = old, count = 1 } or nil
      w["equipped" .. side] = s and s.name or nil
      t.craft = (w.equippedLeft == "minecraft:crafting_table" or w.equippedRight == "minecraft:crafting_table")
          and craft or nil
      return respond(true)
    end
  end
  t.equipLeft, t.equipRight = equip("Left"), equip("Right")
  return t
end

return M
