-- The specs' own harness: every finally() of a test runs (test/support/finally.lua), newest
-- first. Without it busted ran only the last one, and processes started by specs outlived them.
describe("finally", function()
  local ran = {}
  it("registers three cleanups", function()
    finally(function() ran[#ran + 1] = "first" end)
    finally(function() ran[#ran + 1] = "second" end)
    finally(function() ran[#ran + 1] = "third" end)
  end)
  it("ran all of them, newest first", function()
    assert.are.same({ "third", "second", "first" }, ran)
  end)
end)
