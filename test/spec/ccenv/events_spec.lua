-- Mirrors CC: Tweaked's event model (bios.lua os.pullEvent/sleep, OSAPI timers/epoch,
-- CobaltLuaMachine's event filter): events arrive in order, a filtered pull drops other
-- events, "terminate" passes any filter and makes os.pullEvent raise "Terminated",
-- sleep discards events while waiting, os.shutdown ends the computer.
local H = require("test.spec.ccenv.helper")

describe("ccenv events and timers", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("delivers queued events in order", function()
    local ok, a, b, c = pc:call(function()
      local os = pc.env.os
      os.queueEvent("one", 1)
      os.queueEvent("two", 2)
      local _, x = os.pullEvent()
      local _, y = os.pullEvent()
      return x, y, "done"
    end)
    assert.is_true(ok)
    assert.are.same({ 1, 2, "done" }, { a, b, c })
  end)

  it("drops events that do not match the filter (CC's coroutine filter)", function()
    local ok, name, value = pc:call(function()
      local os = pc.env.os
      os.queueEvent("noise", "x")
      os.queueEvent("wanted", 42)
      local _, v = os.pullEvent("wanted")
      os.queueEvent("after")
      local n = os.pullEvent()
      return n, v
    end)
    assert.is_true(ok)
    assert.are.equal("after", name) -- "noise" was dropped while waiting for "wanted"
    assert.are.equal(42, value)
  end)

  it("fires timers with their id after the delay, in order", function()
    local ok, order, elapsed = pc:call(function()
      local os = pc.env.os
      local t0 = os.clock()
      local slow = os.startTimer(0.1)
      local fast = os.startTimer(0.02)
      local got = {}
      while #got < 2 do
        local _, id = os.pullEvent("timer")
        got[#got + 1] = id == fast and "fast" or id == slow and "slow" or "?"
      end
      return table.concat(got, ","), os.clock() - t0
    end)
    assert.is_true(ok)
    assert.are.equal("fast,slow", order)
    assert.is_true(elapsed >= 0.09, "elapsed " .. elapsed)
  end)

  it("rounds timers to 50 ms world ticks, so timers on one tick fire in the order started", function()
    -- CC: Tweaked's OSAPI.startTimer asks for round(t / 0.05) ticks and Environment.tick fires
    -- every timer that reaches zero on the same tick, in the order they were started: 0.074 s
    -- and 0.026 s are both one tick, so the later, shorter one does not overtake.
    local ok, order = pc:call(function()
      local os = pc.env.os
      local first = os.startTimer(0.074)
      local second = os.startTimer(0.026)
      local third = os.startTimer(0.076) -- two ticks
      local got = {}
      while #got < 3 do
        local _, id = os.pullEvent("timer")
        got[#got + 1] = id == first and "first" or id == second and "second" or id == third and "third" or "?"
      end
      return table.concat(got, ",")
    end)
    assert.is_true(ok)
    assert.are.equal("first,second,third", order)
  end)

  it("cancelled timers never fire, so waiting on them is idle", function()
    local ok, err = pc:call(function()
      local id = pc.env.os.startTimer(0.01)
      pc.env.os.cancelTimer(id)
      pc.env.os.pullEvent("timer")
    end)
    assert.is_false(ok)
    assert.are.equal("computer idle: waiting for an event that can never come", err)
  end)

  it("sleep discards other events, like CC's sleep", function()
    local ok, first = pc:call(function()
      local os = pc.env.os
      os.queueEvent("lost")
      pc.env.sleep(0.02)
      os.queueEvent("kept")
      return (os.pullEvent())
    end)
    assert.is_true(ok)
    assert.are.equal("kept", first)
  end)

  it("terminate makes os.pullEvent raise Terminated, pullEventRaw returns it", function()
    pc:queueEvent("terminate")
    local ok, err = pc:call(function() pc.env.os.pullEvent("key") end)
    assert.is_false(ok)
    assert.are.equal("Terminated", err)

    pc:queueEvent("terminate")
    local ok2, ev = pc:call(function() return pc.env.os.pullEventRaw("key") end)
    assert.is_true(ok2)
    assert.are.equal("terminate", ev)
  end)

  it("a program terminated by pc:at prints Terminated in red like the shell", function()
    pc:writeFile("wait.lua", "print('waiting') os.pullEvent('never')")
    pc:at(0.05, function() pc:queueEvent("terminate") end)
    local r = pc:run("wait.lua")
    assert.is_false(r.ok)
    assert.are.equal("Terminated", r.error)
    assert.are.same({ "waiting", "Terminated" }, { pc:screenLines()[1], pc:screenLines()[2] })
    local fg = pc:lineColours(2)
    assert.are.equal("e", fg:sub(1, 1)) -- red
  end)

  it("pc:when fires once its predicate holds", function()
    pc:writeFile("p.lua", "print('ready') local _, v = os.pullEvent('go') print('got ' .. v)")
    local fired = 0
    pc:when(function() return pc:screenLines()[1] == "ready" end, function()
      fired = fired + 1
      pc:queueEvent("go", "it")
    end)
    local r = pc:run("p.lua")
    assert.is_true(r.ok)
    assert.are.equal(1, fired)
    assert.are.equal("got it", pc:screenLines()[2])
  end)

  it("ends an idle run instead of hanging", function()
    pc:writeFile("idle.lua", "os.pullEvent('nothing')")
    local r = pc:run("idle.lua")
    assert.is_false(r.ok)
    assert.are.equal("computer idle: waiting for an event that can never come", r.error)
  end)

  it("aborts a run after the timeout", function()
    local short = H.computer({ timeout = 0.2 })
    short:writeFile("spin.lua", "while true do end")
    local r = short:run("spin.lua")
    short:destroy()
    assert.is_false(r.ok)
    assert.truthy(r.error:find("Too long without yielding", 1, true) or r.error:find("timeout", 1, true))
  end)

  it("os.shutdown ends the run with its exit code", function()
    pc:writeFile("bye.lua", "print('a') os.shutdown(3) print('never')")
    local r = pc:run("bye.lua")
    assert.are.equal(3, r.shutdown)
    assert.are.equal("", pc:screenLines()[2])
  end)

  it("adds the clock skew to os.epoch('utc') and os.epoch('local')", function()
    local skewed = H.computer({ clockSkewMs = 3600000 })
    local host = os.time() * 1000
    local ok, utc = skewed:call(function() return skewed.env.os.epoch("utc") end)
    assert.is_true(ok)
    assert.is_true(math.abs(utc - host - 3600000) < 5000)
    skewed:setClockSkew(-7200000)
    local _, utc2 = skewed:call(function() return skewed.env.os.epoch("utc") end)
    assert.is_true(math.abs(utc2 - host + 7200000) < 5000)
    skewed:destroy()
  end)

  it("provides CC's identity functions", function()
    local named = H.computer({ id = 7, label = "box" })
    local ok, id, label, ver, host = named:call(function()
      local os = named.env.os
      os.setComputerLabel(os.getComputerLabel() .. "!")
      return os.getComputerID(), os.getComputerLabel(), os.version(), named.env._HOST
    end)
    named:destroy()
    assert.is_true(ok)
    assert.are.same({ 7, "box!", "CraftOS 1.9" }, { id, label, ver })
    assert.truthy(host:find("^ComputerCraft"))
  end)
end)
