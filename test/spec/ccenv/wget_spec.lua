-- ccenv's rom/programs/http/wget.lua, as CC: Tweaked's wget behaves (its rom/programs/http/
-- wget.lua): `wget <url> [file]` saves the body and will not overwrite; `wget run <url> args`
-- runs the body with those arguments and sees shell; a failed fetch is "Failed." and an error in
-- the chunk is printed, wget itself ending normally either way.
local H = require("test.spec.ccenv.helper")

describe("ccenv wget", function()
  local dir, server, base
  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p " .. dir) ~= false)
    local f = assert(io.open(dir .. "/hello.lua", "wb"))
    f:write('print("hello " .. table.concat({ ... }, "+") .. " from " .. shell.dir())\n')
    f:close()
    f = assert(io.open(dir .. "/boom.lua", "wb"))
    f:write('error("boom", 0)\n')
    f:close()
    server = H.startServer("test/servers/static.mjs " .. dir)
    base = "http://127.0.0.1:" .. server.port .. "/"
  end)
  teardown(function()
    if server then server.stop() end
    os.execute("rm -rf " .. dir)
  end)

  it("runs a program from a URL with the arguments after it, in wget's environment", function()
    local pc = H.computer()
    finally(function() pc:destroy() end)
    local r = pc:run("wget", "run", base .. "hello.lua", "a", "b")
    assert.is_true(r.ok, r.error)
    local text = pc:transcript():gsub("\n", " ")
    assert.truthy(text:find("Connecting to " .. base .. "hello.lua... Success.", 1, true), text)
    assert.truthy(text:find("hello a+b from", 1, true), text)
  end)

  it("prints an error of the program and Failed. for a failed fetch, ending normally", function()
    local pc = H.computer()
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("wget", "run", base .. "boom.lua").ok)
    assert.truthy(pc:screenText():find("boom", 1, true), pc:screenText())
    assert.is_true(pc:run("wget", "run", base .. "missing.lua").ok)
    assert.truthy(pc:screenText():gsub("\n", " "):find("missing.lua... Failed.", 1, true), pc:screenText())
  end)

  it("saves to the URL's file name or the one given, and never overwrites", function()
    local pc = H.computer()
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("wget", base .. "hello.lua?x=1").ok)
    assert.truthy(pc:screenText():find("Downloaded as hello.lua", 1, true), pc:screenText())
    assert.truthy(pc:readFile("/hello.lua"):find("from", 1, true))
    assert.is_true(pc:run("wget", base .. "boom.lua", "hello.lua").ok)
    assert.truthy(pc:screenText():find("File already exists", 1, true), pc:screenText())
    assert.falsy(pc:readFile("/hello.lua"):find("boom", 1, true))
  end)

  it("prints its usage without a URL", function()
    local pc = H.computer()
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("wget").ok)
    assert.truthy(pc:screenText():find("Usage:\nwget <url> [filename]\nwget run <url>", 1, true), pc:screenText())
  end)
end)
