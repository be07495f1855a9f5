-- Mirrors CC: Tweaked's bios.lua read(): the entered line is echoed (masked by replaceChar),
-- followed by a newline, and Ctrl+T while reading raises "Terminated".
local H = require("test.spec.ccenv.helper")

describe("ccenv read", function()
  it("returns scripted lines in order and echoes them after the prompt", function()
    local pc = H.computer({ input = { "alice", "secret" } })
    pc:writeFile("ask.lua", [[
write("Name: ")
local name = read()
write("Password: ")
local pw = read("*")
print("hi " .. name .. " " .. #pw)
]])
    local r = pc:run("ask.lua")
    assert.is_true(r.ok, r.error)
    assert.are.same({ "Name: alice", "Password: ******", "hi alice 6" }, { pc:screenLines()[1], pc:screenLines()[2], pc:screenLines()[3] })
    pc:destroy()
  end)

  it("raises Terminated for ccenv.TERMINATE and when input runs out", function()
    local pc = H.computer({ input = { "one", H.ccenv.TERMINATE } })
    pc:writeFile("loop.lua", "while true do print('> ' .. read()) end")
    local r = pc:run("loop.lua")
    assert.is_false(r.ok)
    assert.are.equal("Terminated", r.error)
    assert.are.equal("Terminated", pc:screenLines()[3])

    local r2 = pc:run("loop.lua")
    assert.is_false(r2.ok)
    assert.are.equal("Terminated", r2.error)
    pc:destroy()
  end)

  it("lets timers fire while reading (read yields to the scheduler)", function()
    local pc = H.computer({ input = { "x" } })
    local ok, ev = pc:call(function()
      pc.env.os.startTimer(0)
      local parallel = pc.env.parallel
      local got
      parallel.waitForAll(function() pc.env.read() end, function() got = pc.env.os.pullEvent("timer") end)
      return got
    end)
    assert.is_true(ok, ev)
    assert.are.equal("timer", ev)
    pc:destroy()
  end)
end)
