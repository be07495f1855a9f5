-- Mirrors CC: Tweaked's rom/programs/shell.lua and cc.require: program resolution (".lua"
-- extension, aliases), arguments as ... and arg (arg[0] = command), getRunningProgram,
-- completion functions, require relative to the program's directory, "No such program".
local H = require("test.spec.ccenv.helper")

describe("ccenv shell", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("passes args as ... and arg, and reports the running program", function()
    pc:writeFile("bin/tool.lua", [[
local a, b = ...
print(a, b, #arg, arg[0], shell.getRunningProgram())
]])
    local r = pc:run("bin/tool", "x y", "z")
    assert.is_true(r.ok, r.error)
    assert.are.equal("x y\tz\t2\tbin/tool\tbin/tool.lua", pc:screenLines()[1])
  end)

  it("shell.run tokenises its arguments, keeping quoted words", function()
    pc:writeFile("echo.lua", "print(table.concat({...}, '|'))")
    pc:writeFile("main.lua", [[shell.run('echo a "b c"', "d")]])
    assert.is_true(pc:run("main.lua").ok)
    assert.are.equal("a|b c|d", pc:screenLines()[1])
  end)

  it("prints No such program for unknown commands", function()
    local r = pc:run("nothing-here")
    assert.is_false(r.ok)
    assert.are.equal("No such program", r.error)
    assert.are.equal("No such program", pc:screenLines()[1])
  end)

  it("requires modules from the program's own directory and keeps them loaded", function()
    pc:writeFile("app/lib.lua", "local n = 0 return { bump = function() n = n + 1 return n end }")
    pc:writeFile("app/main.lua", [[
local lib = require("lib")
lib.bump()
print(require("lib").bump(), require("cc.expect").expect ~= nil)
local ok, err = pcall(require, "missing")
print(ok, (err:match("module 'missing' not found")))
]])
    local r = pc:run("app/main.lua")
    assert.is_true(r.ok, r.error)
    assert.are.equal("2\ttrue", pc:screenLines()[1])
    assert.are.equal("false\tmodule 'missing' not found", pc:screenLines()[2])
  end)

  it("lets tests require files copied in with pc.env.require", function()
    local tmp = os.tmpname()
    local f = io.open(tmp, "w")
    f:write("return { answer = 42 }")
    f:close()
    pc:copyIn(tmp, "libai.lua")
    os.remove(tmp)
    local ok, v = pc:call(function() return pc.env.require("libai").answer end)
    assert.is_true(ok)
    assert.are.equal(42, v)
  end)

  it("resolves programs and completes arguments with registered functions", function()
    pc:writeFile("greet.lua", "")
    local shell = pc.env.shell
    shell.setAlias("hello", "greet")
    assert.are.equal("greet.lua", shell.resolveProgram("hello"))
    assert.are.equal("greet.lua", shell.resolveProgram("greet"))
    shell.setCompletionFunction("greet.lua", function(_, index, part)
      if index == 1 then return { ("world"):sub(#part + 1) } end
    end)
    assert.are.same({ "rld" }, shell.complete("greet wo"))
    assert.is_table(shell.getCompletionInfo()["greet.lua"])
    assert.are.equal("hello", next(shell.aliases()))
  end)

  it("prints program errors with the chunk name, like CC", function()
    pc:writeFile("boom.lua", "\nerror('kaboom')")
    local r = pc:run("boom.lua")
    assert.is_false(r.ok)
    assert.are.equal("/boom.lua:2: kaboom", r.error)
    assert.are.equal("/boom.lua:2: kaboom", pc:screenLines()[1])
  end)

  it("looks help topics up over fs", function()
    local help = pc.env.help
    assert.are.equal("/rom/help", help.path())
    assert.are.equal("rom/help/intro.txt", help.lookup("intro"))
    assert.truthy(table.concat(help.topics(), ","):find("intro", 1, true))
    assert.is_nil(help.lookup("nope"))
  end)
end)
