-- The bundles as built: build/libai.lua carries none of the bridge's modules (every program that
-- requires libai would pay for them), and build/libai_bridge.lua carries none of libai's (it
-- reuses them through the core libai hands it, not copies). Read from the bundles' module tables
-- (compacted: `["name"]=function`, no spaces around the `=`).
local function modules(file)
  local f = assert(io.open(file, "rb"))
  local src = f:read("*a")
  f:close()
  local names = {}
  for name in src:gmatch('\n%["([%w_]+)"%]%s*=%s*function') do names[name] = true end
  return names, src
end

describe("the bundles", function()
  it("libai.lua has no bridge module in it", function()
    local names, src = modules("build/libai.lua")
    assert.truthy(names.config and names.http and names.index, "not a libai bundle")
    for _, bridgeOnly in ipairs({ "connection", "connect", "reconnect", "tools", "sandbox", "screen" }) do
      assert.is_nil(names[bridgeOnly], bridgeOnly)
    end
    assert.falsy(src:find("sethook", 1, true), "the Lua sandbox is in libai.lua")
    assert.falsy(src:find("opencc_bridge_call", 1, true), "the bridge's serving loop is in libai.lua")
  end)

  it("libai_bridge.lua reuses libai's settings, errors, websocket and JSON instead of copies", function()
    local names, src = modules("build/libai_bridge.lua")
    assert.truthy(names.connection and names.sandbox and names.index, "not the bridge bundle")
    for _, core in ipairs({ "config", "errors", "http", "json", "client", "prompt", "reply" }) do
      assert.is_nil(names[core], core)
    end
    assert.falsy(src:find("textutils.serialiseJSON", 1, true), "a JSON encoder of its own")
    assert.falsy(src:find("http.websocketAsync", 1, true), "a websocket opener of its own")
  end)

  it("each bundle has package.json's version written in", function()
    local f = assert(io.open("package.json", "rb"))
    local version = f:read("*a"):match('"version"%s*:%s*"([^"]+)"')
    f:close()
    for _, file in ipairs({ "build/libai.lua", "build/libai_bridge.lua", "build/ai.lua", "build/aichat.lua" }) do
      local _, src = modules(file)
      assert.falsy(src:find("@VERSION@", 1, true), file)
      assert.truthy(src:find('"' .. version .. '"', 1, true), file)
    end
  end)
end)
