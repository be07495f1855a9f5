-- src/libai/ids.ts, loaded alone from build/libai.lua: opencode-format ids on the server's clock
-- (Date headers narrow the offset, a stamped time fixes it), strictly ascending, and after every
-- id the server has shown, across the 2^36 ms wrap of the id's time.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

local TWO_36 = 2 ^ 36

describe("ids", function()
  local pc, ids
  local function setup(opts)
    pc = ccenv.new(opts or {})
    ids = T.load(pc.env, "build/libai.lua")("ids")
  end
  after_each(function() pc:destroy() end)

  -- an id of opencode's format for ms (and counter 1)
  local function idAt(ms)
    local value = (ms * 4096 + 1) % 2 ^ 48
    return ("msg_%06x%06x"):format(math.floor(value / 2 ^ 24), value % 2 ^ 24) .. ("A"):rep(14)
  end
  local function hex(id) return id:match("^%a+_(%x+)") end

  it("makes ids in opencode's format that ascend strictly, also within one millisecond", function()
    setup()
    local last = ""
    for _ = 1, 500 do
      local id = ids.newId("msg")
      assert.truthy(id:match("^msg_%x%x%x%x%x%x%x%x%x%x%x%x%w%w%w%w%w%w%w%w%w%w%w%w%w%w$"), id)
      assert.truthy(hex(id) > last, id)
      last = hex(id)
    end
  end)

  it("parses an HTTP Date header", function()
    setup()
    assert.are.equal(1795941000000, ids.parseHttpDate("Sun, 29 Nov 2026 08:30:00 GMT"))
    assert.is_nil(ids.parseHttpDate("yesterday"))
  end)

  it("narrows the clock offset with each Date header, and keeps its low end", function()
    setup()
    assert.is_false(ids.serverClockKnown())
    local here = pc.env.os.epoch("utc")
    -- the server is a minute ahead; its header says so to the second
    local server = math.floor((here + 60000) / 1000) * 1000
    local date = os.date("!%a, %d %b %Y %H:%M:%S GMT", server / 1000)
    ids.observeDateHeader(date, here - 400, here + 400)
    assert.is_true(ids.serverClockKnown())
    local offset = ids.serverNow() - pc.env.os.epoch("utc")
    assert.truthy(math.abs(offset - (server - here - 400)) <= 5, offset)
    -- a later response narrows the low end from the other side
    ids.observeDateHeader(date, here - 100, here + 100)
    offset = ids.serverNow() - pc.env.os.epoch("utc")
    assert.truthy(math.abs(offset - (server - here - 100)) <= 5, offset)
    -- a time the server stamped wins, and Date headers no longer move it
    ids.observeServerTime(here + 30000, here, here)
    ids.observeDateHeader(date, here, here)
    offset = ids.serverNow() - pc.env.os.epoch("utc")
    assert.truthy(math.abs(offset - 30000) <= 5, offset)
  end)

  it("makes ids after every id the server has shown, even one from ahead of its clock", function()
    setup()
    local ahead = idAt(pc.env.os.epoch("utc") + 10000)
    ids.observeId(ahead)
    assert.truthy(hex(ids.newId("msg")) > hex(ahead))
  end)

  it("reads an id's time modulo 2^36 ms and puts it back across the wrap", function()
    -- this computer's clock 2 s before a multiple of 2^36 ms; the server's id 3 s after it
    local real = math.floor(require("socket").gettime() * 1000)
    local boundary = (math.floor(real / TWO_36) + 1) * TWO_36
    setup({ clockSkewMs = boundary - 2000 - real })
    local serverId = idAt(boundary + 3000)
    assert.are.equal(3000, ids.idTime(serverId))
    ids.observeId(serverId)
    local mine = ids.newId("msg")
    assert.truthy(ids.idTime(mine) > 3000, mine)
    assert.truthy(hex(mine) > hex(serverId), mine)
  end)
end)
