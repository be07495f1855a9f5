-- Mirrors CC: Tweaked's rom/apis/settings.lua and bios.lua (".settings" loaded at boot):
-- defaults from define, type-checked set with cc.expect's message, getDetails, save/load.
local H = require("test.spec.ccenv.helper")

describe("ccenv settings", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("falls back to the defined default and reports details", function()
    local ok, a, b, d = pc:call(function()
      local s = pc.env.settings
      s.define("opencc.url", { description = "Server", default = "http://x", type = "string" })
      local before = s.get("opencc.url")
      s.set("opencc.url", "http://y")
      return before, s.get("opencc.url"), s.getDetails("opencc.url")
    end)
    assert.is_true(ok)
    assert.are.equal("http://x", a)
    assert.are.equal("http://y", b)
    assert.are.same({ description = "Server", default = "http://x", type = "string", value = "http://y", changed = true }, d)
  end)

  it("rejects a value of the wrong type with CC's message", function()
    pc:writeFile("bad.lua", [[
settings.define("n", { type = "number" })
settings.set("n", "five")
]])
    local r = pc:run("bad.lua")
    assert.is_false(r.ok)
    assert.are.equal("/bad.lua:2: bad argument #2 to 'set' (number expected, got string)", r.error)
  end)

  it("saves to .settings with textutils.serialise and loads it at boot", function()
    local ok = pc:call(function()
      local s = pc.env.settings
      s.set("a.number", 5)
      s.set("a.table", { 1, x = true })
      assert(s.save())
    end)
    assert.is_true(ok)
    local text = pc:readFile(".settings")
    assert.are.same({ ["a.number"] = 5, ["a.table"] = { 1, x = true } }, pc.env.textutils.unserialise(text))

    local second = H.computer({ root = pc.root })
    second:writeFile("show.lua", "print(settings.get('a.number'), settings.get('a.table').x)")
    local r = second:run("show.lua")
    assert.is_true(r.ok)
    assert.are.equal("5\ttrue", second:screenLines()[1])
  end)

  it("unset, clear and getNames behave like CC", function()
    local ok, names, after = pc:call(function()
      local s = pc.env.settings
      s.define("z.defined", { default = 1 })
      s.set("b.value", true)
      local n = table.concat(s.getNames(), ",")
      s.clear()
      return n, s.get("b.value")
    end)
    assert.is_true(ok)
    assert.are.equal("b.value,z.defined", names)
    assert.is_nil(after)
  end)
end)
