-- libai's core apart from the bridge: a program that requires libai and asks (against the real
-- server) loads no bridge code; the bridge module (libai_bridge.lua) is loaded on the first
-- ai.bridge()/ai.serve(); without it, asking works as before and serving is one line saying to
-- run the installer again. The require searched is ccenv's, which mirrors CC's cc.require
-- (package.loaded, "module 'x' not found:" with the searched paths).
local servers = require("support.servers")

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function programRun(pc, source)
  pc:writeFile("prog.lua", source)
  local r = pc:run("prog.lua")
  assert.is_true(r.ok, r.error)
  return (pc:transcript():gsub("\n", " "))
end

describe("libai without the bridge", function()
  it("a program that requires libai and asks loads no bridge module; ai.bridge() loads it", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local token = servers.token("core")
    local t = programRun(pc, ([[
local ai = require("libai")
local text, msg = ai.ask(%q)
print("reply: " .. tostring(text or msg))
print("after ask: " .. (package.loaded.libai_bridge == nil and "no bridge module" or "bridge module loaded"))
local conn, why = ai.bridge()
print("bridge: " .. tostring(conn or why))
print("after bridge: " .. (package.loaded.libai_bridge == nil and "no bridge module" or "bridge module loaded"))
]]):format(token .. " [reply:hello from the core]"))
    assert.truthy(has(t, "reply: hello from the core"), t)
    assert.truthy(has(t, "after ask: no bridge module"), t)
    -- no opencc.bridge_url here: the module's own line, so it did load
    assert.truthy(has(t, "bridge: opencc.bridge_url is not set: set opencc.bridge_url ws://host:4097/cc"), t)
    assert.truthy(has(t, "after bridge: bridge module loaded"), t)
  end)

  it("without libai_bridge.lua, asks as before; ai.bridge() and ai.serve() say to run the installer", function()
    local pc = servers.newComputer({ noBridgeModule = true, settings = { ["opencc.bridge_url"] = servers.bridgeUrl } })
    finally(function() pc:destroy() end)
    local token = servers.token("nobridge")
    local t = programRun(pc, ([[
local ai = require("libai")
local text, msg = ai.ask(%q)
print("reply: " .. tostring(text or msg))
local conn, why, err = ai.bridge()
print("bridge: " .. tostring(conn) .. " " .. tostring(why) .. " [" .. tostring(err and err.kind) .. "]")
local _, line = ai.serve()
print("serve: " .. tostring(line))
]]):format(token .. " [reply:still answering]"))
    assert.truthy(has(t, "reply: still answering"), t)
    local line = "libai_bridge.lua is not installed beside libai.lua: run the opencc installer again"
    assert.truthy(has(t, "bridge: nil " .. line), t)
    assert.truthy(has(t, "[not_installed]"), t)
    assert.truthy(has(t, "serve: " .. line), t)
  end)

  it("ai --serve without libai_bridge.lua is one line; a prompt with opencc.bridge_url still gets its answer", function()
    local pc = servers.newComputer({
      noBridgeModule = true,
      settings = { ["opencc.bridge_url"] = servers.bridgeUrl, ["opencc.bridge_token"] = servers.bridgeToken },
    })
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--serve")
    assert.is_false(r.ok)
    local t = pc:transcript():gsub("\n", " ")
    assert.truthy(has(t, "libai_bridge.lua is not installed beside libai.lua: run the opencc installer again"), t)
    r = pc:run("ai.lua", "-n", servers.token("asked") .. " [reply:answered anyway]")
    assert.is_true(r.ok, r.error)
    t = pc:transcript():gsub("\n", " ")
    assert.truthy(has(t, "Not serving the bridge: libai_bridge.lua is not installed"), t)
    assert.truthy(has(t, "answered anyway"), t)
  end)
end)
