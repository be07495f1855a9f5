-- The bridge's settings and its connection failures as a program sees them (no server needed):
-- each failure is nil, one line naming what to fix, and an error table.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")

local function computer(settings)
  local pc = ccenv.new({ width = 51, height = 19 })
  pc:copyIn("build/libai.lua", "libai.lua")
  pc:copyIn("build/libai_bridge.lua", "libai_bridge.lua")
  local lines = { "{" }
  for k, v in pairs(settings or {}) do lines[#lines + 1] = ("  [ %q ] = %q,"):format(k, v) end
  lines[#lines + 1] = "}"
  pc:writeFile(".settings", table.concat(lines, "\n"))
  return pc
end

local function connect(pc)
  local ok, conn, msg, err = pc:call(function() return pc.env.require("libai").bridge() end)
  assert.is_true(ok, tostring(conn))
  return conn, msg, err
end

describe("libai bridge settings", function()
  local pc
  after_each(function() pc:destroy() end)

  it("defines opencc.bridge_url, opencc.bridge_token and opencc.tools (default read)", function()
    pc = computer()
    local ok, details = pc:call(function()
      pc.env.require("libai")
      local out = {}
      for _, name in ipairs({ "bridge_url", "bridge_token", "tools" }) do
        out[name] = pc.env.settings.getDetails("opencc." .. name)
      end
      return out
    end)
    assert.is_true(ok, tostring(details))
    for name, d in pairs(details) do
      assert.truthy(d.description and #d.description > 10, name)
      assert.are.equal("string", d.type, name)
    end
    assert.are.equal("", details.bridge_url.default)
    assert.are.equal("read", details.tools.default)
  end)

  it("without opencc.bridge_url nothing connects, and the line says what to set", function()
    pc = computer()
    local conn, msg, err = connect(pc)
    assert.is_nil(conn)
    assert.matches("opencc.bridge_url is not set: set opencc.bridge_url ws://", msg, 1, true)
    assert.are.equal("bad_setting", err.kind)
  end)

  it("a bridge_url that is not ws:// and a tools list with a stranger are refused by name", function()
    pc = computer({ ["opencc.bridge_url"] = "http://host:4097/cc" })
    local _, msg = connect(pc)
    assert.matches('opencc.bridge_url "http://host:4097/cc" is not a ws:// URL', msg, 1, true)
    pc:destroy()
    pc = computer({ ["opencc.bridge_url"] = "ws://127.0.0.1:1/cc", ["opencc.tools"] = "read,fly" })
    local _, msg2 = connect(pc)
    assert.matches('opencc.tools names "fly", which is not read, act or lua', msg2, 1, true)
  end)

  it("a bridge that is not there is one line naming the address and the setting", function()
    pc = computer({ ["opencc.bridge_url"] = "ws://127.0.0.1:1/cc" })
    local conn, msg, err = connect(pc)
    assert.is_nil(conn)
    assert.matches("Could not reach the opencc bridge at 127.0.0.1:1 (Could not connect)", msg, 1, true)
    assert.matches("opencc.bridge_url", msg, 1, true)
    assert.are.equal("unreachable", err.kind)
  end)

  it("ai.serve without reconnect returns the failure instead of retrying", function()
    pc = computer({ ["opencc.bridge_url"] = "ws://127.0.0.1:1/cc" })
    local ok, none, msg = pc:call(function()
      return pc.env.require("libai").serve({ reconnect = false })
    end)
    assert.is_true(ok, tostring(none))
    assert.is_nil(none)
    assert.matches("Could not reach the opencc bridge", msg, 1, true)
  end)

  it("a bridge address that accepts but never answers is given up after 5 s, not CC's 30 s", function()
    local socket = require("socket")
    local silent = assert(socket.bind("127.0.0.1", 0))
    finally(function() silent:close() end)
    local _, port = silent:getsockname()
    pc = computer({ ["opencc.bridge_url"] = "ws://127.0.0.1:" .. port .. "/cc" })
    local conn, msg, err = connect(pc)
    assert.is_nil(conn)
    assert.matches("The opencc bridge at 127.0.0.1:" .. port .. " did not answer within 5 s", msg, 1, true)
    assert.are.equal("timeout", err.kind)
  end)
end)
