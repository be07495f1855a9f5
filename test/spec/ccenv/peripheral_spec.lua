-- ccenv's peripheral API mirrors CC: Tweaked's rom/apis/peripheral.lua (attached peripherals only).
local H = require("spec.ccenv.helper")

describe("ccenv peripheral", function()
  local pc
  before_each(function()
    pc = H.computer()
  end)
  after_each(function()
    pc:destroy()
  end)

  it("lists, types, wraps and calls an attached peripheral", function()
    local said = {}
    pc:attachPeripheral("left", { "chatBox", "chat_box" }, {
      sendMessage = function(msg, prefix)
        said[#said + 1] = prefix .. ": " .. msg
        return true
      end,
    })
    local ok, names, t1, t2, has, methods, sent, name = pc:call(function()
      local peripheral = pc.env.peripheral
      local box = peripheral.find("chat_box")
      local a, b = peripheral.getType("left")
      return peripheral.getNames(), a, b, peripheral.hasType("left", "chatBox"), peripheral.getMethods("left"),
        box.sendMessage("hi", "AI"), peripheral.getName(box)
    end)
    assert.is_true(ok, tostring(names))
    assert.are.same({ "left" }, names)
    assert.are.equal("chatBox", t1)
    assert.are.equal("chat_box", t2)
    assert.is_true(has)
    assert.are.same({ "sendMessage" }, methods)
    assert.is_true(sent)
    assert.are.equal("left", name)
    assert.are.same({ "AI: hi" }, said)
  end)

  it("finds nothing and calls nothing when nothing is attached, as CC does", function()
    local ok, found, present, called, ty = pc:call(function()
      local peripheral = pc.env.peripheral
      return peripheral.find("chatBox"), peripheral.isPresent("top"), peripheral.call("top", "x"),
        peripheral.getType("top")
    end)
    assert.is_true(ok)
    assert.is_nil(found)
    assert.is_false(present)
    assert.is_nil(called)
    assert.is_nil(ty)
  end)

  it("raises CC's error for an unknown method", function()
    pc:attachPeripheral("right", "drive", {})
    local ok, called, err = pc:call(function()
      return pcall(pc.env.peripheral.call, "right", "eject")
    end)
    assert.is_true(ok)
    assert.is_false(called)
    assert.truthy(tostring(err):find("No such method eject", 1, true), tostring(err))
  end)

  it("queues peripheral and peripheral_detach events when attached during a run", function()
    pc:at(0.05, function() pc:attachPeripheral("top", "monitor", {}) end)
    pc:at(0.1, function() pc:detachPeripheral("top") end)
    local ok, a, an, d, dn = pc:call(function()
      local e1, n1 = pc.env.os.pullEvent("peripheral")
      local e2, n2 = pc.env.os.pullEvent("peripheral_detach")
      return e1, n1, e2, n2
    end)
    assert.is_true(ok, tostring(a))
    assert.are.same({ "peripheral", "top", "peripheral_detach", "top" }, { a, an, d, dn })
  end)
end)
