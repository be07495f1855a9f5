-- libai checks the arguments of its public functions with cc.expect, as CC's own APIs do, so a
-- wrong call names the function and the argument at the caller's line.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")

describe("libai's argument checks", function()
  local pc
  before_each(function()
    pc = ccenv.new({})
    pc:copyIn("build/libai.lua", "libai.lua")
  end)
  after_each(function() pc:destroy() end)

  local function run(line)
    pc:writeFile("bad.lua", 'local ai = require("libai")\n' .. line)
    local r = pc:run("bad.lua")
    assert.is_false(r.ok)
    return r.error
  end

  it("names the function and the argument, at the caller's line", function()
    assert.are.equal("/bad.lua:2: bad argument #1 to 'ask' (string expected, got nil)", run("ai.ask()"))
    assert.are.equal("/bad.lua:2: bad argument #2 to 'ask' (table expected, got string)", run('ai.ask("hi", "plan")'))
    assert.are.equal("/bad.lua:2: bad argument #1 to 'client' (table expected, got string)", run('ai.client("http://x")'))
    assert.are.equal("/bad.lua:2: bad argument #2 to 'waitFor' (string expected, got number)", run('ai.waitFor("ses_1", 5)'))
    assert.are.equal("/bad.lua:2: bad argument #1 to 'submit' (string expected, got table)", run("ai.submit({})"))
  end)
end)
