-- Mirrors CC: Tweaked's rom/apis/parallel.lua: each function is a coroutine with its own
-- event filter, terminate reaches all of them, errors propagate, waitForAny returns the index.
local H = require("test.spec.ccenv.helper")

describe("ccenv parallel", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("runs an event loop beside a timer without losing its own events", function()
    local ok, got, which = pc:call(function()
      local os, parallel = pc.env.os, pc.env.parallel
      local received = {}
      local idx = parallel.waitForAny(function()
        while true do
          local _, v = os.pullEvent("msg")
          received[#received + 1] = v
        end
      end, function()
        os.queueEvent("msg", 1)
        pc.env.sleep(0.02) -- sleep's own filter drops "msg", the other coroutine still gets it
        os.queueEvent("msg", 2)
        os.queueEvent("other")
        os.pullEvent("other")
      end)
      return table.concat(received, ","), idx
    end)
    assert.is_true(ok, got)
    assert.are.equal("1,2", got)
    assert.are.equal(2, which)
  end)

  it("waitForAll waits for every function", function()
    local ok, order = pc:call(function()
      local seen = {}
      pc.env.parallel.waitForAll(function() pc.env.sleep(0.03) seen[#seen + 1] = "slow" end,
        function() seen[#seen + 1] = "fast" end)
      return table.concat(seen, ",")
    end)
    assert.is_true(ok)
    assert.are.equal("fast,slow", order)
  end)

  it("propagates errors and delivers terminate to filtered coroutines", function()
    local ok, err = pc:call(function()
      pc.env.parallel.waitForAny(function() error("inner", 0) end, function() pc.env.sleep(1) end)
    end)
    assert.is_false(ok)
    assert.are.equal("inner", err)

    pc:queueEvent("terminate")
    local ok2, err2 = pc:call(function()
      pc.env.parallel.waitForAll(function() pc.env.os.pullEvent("never") end)
    end)
    assert.is_false(ok2)
    assert.are.equal("Terminated", err2)
  end)
end)
