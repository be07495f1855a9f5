-- The fake Advanced Peripherals Chat Box (test/support/chatbox.lua) behaves as the real one:
-- its chat event, the "$" hiding, its cooldown refusals and CC's main-thread method calls.
local H = require("spec.ccenv.helper")
local chatbox = require("support.chatbox")

describe("fake Chat Box", function()
  local pc, box
  before_each(function()
    pc = H.computer()
    box = chatbox.attach(pc, { cooldown = 0.5, players = { "Alice", "Bob" } })
  end)
  after_each(function()
    pc:destroy()
  end)

  it("queues the chat event, and hides a $ message with every $ removed", function()
    box:say("Alice", "@ai hello")
    box:say("Bob", "$ai a secret $5")
    local ok, a, b = pc:call(function()
      local e1 = { pc.env.os.pullEvent("chat") }
      local e2 = { pc.env.os.pullEvent("chat") }
      return e1, e2
    end)
    assert.is_true(ok, tostring(a))
    assert.are.same({ "chat", "Alice", "@ai hello", chatbox.uuid("Alice"), false }, a)
    assert.are.same({ "chat", "Bob", "ai a secret 5", chatbox.uuid("Bob"), true }, b)
  end)

  it("refuses a second message within the cooldown with AP's reason, and takes it after", function()
    local ok, r1, r2, why, r3 = pc:call(function()
      local c = pc.env.peripheral.find("chatBox")
      local a = c.sendFormattedMessageToPlayer('{"text":"one"}', "Alice", "AI")
      local b, reason = c.sendFormattedMessageToPlayer('{"text":"two"}', "Alice", "AI")
      pc.env.sleep(0.6)
      local d = c.sendFormattedMessage('{"text":"three"}', "AI")
      return a, b, reason, d
    end)
    assert.is_true(ok, tostring(r1))
    assert.is_true(r1)
    assert.is_nil(r2)
    assert.are.equal("chatMessage is on cooldown", why)
    assert.is_true(r3)
    assert.are.same({ "one", "three" }, box:seen("Alice"))
    assert.are.same({ "three" }, box:seen("Bob"))
    assert.are.equal(1, box.refused)
  end)

  it("answers nil and a reason for bad JSON, an unknown player and bad brackets", function()
    local ok, a, b, c = pc:call(function()
      local p = pc.env.peripheral.find("chatBox")
      local function two(...) return { ... } end
      local r1 = two(p.sendFormattedMessage("{not json", "AI"))
      pc.env.sleep(0.01)
      local r2 = two(p.sendFormattedMessageToPlayer('{"text":"x"}', "Nobody", "AI"))
      local r3 = two(p.sendMessage("x", "AI", "[[["))
      return r1, r2, r3
    end)
    assert.is_true(ok, tostring(a))
    assert.are.same({ nil, "incorrect json" }, { a[1], a[2] })
    assert.are.same({ nil, "incorrect player name/uuid" }, { b[1], b[2] })
    assert.are.same({ nil, "incorrect bracket string (e.g. [], {}, <>, ...)" }, { c[1], c[2] })
  end)

  it("drops the events that arrive while a method waits for task_complete, as CC does", function()
    local ok, got = pc:call(function()
      local p = pc.env.peripheral.find("chatBox")
      pc.env.os.queueEvent("mine", 1)
      p.sendMessage("hi", "AI")
      pc.env.os.queueEvent("mine", 2)
      local _, n = pc.env.os.pullEvent("mine")
      return n
    end)
    assert.is_true(ok, tostring(got))
    assert.are.equal(2, got)
  end)
end)
