-- ai --doctor, --sessions, --delete, --abort, --version and the TUI controls against the real
-- server.
local servers = require("support.servers")
local ccenv = require("ccenv")

local function has(text, needle)
  return text:find(needle, 1, true) ~= nil
end

describe("ai --doctor", function()
  it("passes every step against a working server", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--doctor")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.truthy(has(t, "ok http is enabled"), t)
    assert.truthy(has(t, "ok server healthy, opencode"), t)
    assert.truthy(has(t, "ok credentials accepted"), t)
    assert.truthy(has(t, "All good"), t)
    assert.falsy(has(t, servers.password), "the password is never shown")
  end)

  it("masks the password and stops at the credentials when it is wrong", function()
    local pc = servers.newComputer({ password = "wrong-secret" })
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--doctor")
    assert.falsy(r.ok)
    local t = pc:transcript()
    assert.truthy(has(t, "opencc.password = ********"), t)
    assert.falsy(has(t, "wrong-secret"), t)
    assert.truthy(has(t, "FAIL The server refused the credentials"), t)
    assert.truthy(has((t:gsub("\n", " ")), "set opencc.password"), t) -- the line wraps
    assert.falsy(has(t, "All good"), t)
  end)

  it("names the computercraft-server.toml rule when CC blocks a private address", function()
    local pc = ccenv.new({ width = 51, height = 19, colour = true, denyPrivate = true })
    finally(function() pc:destroy() end)
    pc:copyIn("build/libai.lua", "libai.lua")
    pc:copyIn("build/ai.lua", "ai.lua")
    pc:writeFile(".settings", servers.serialise({ ["opencc.server_url"] = servers.authUrl, ["opencc.password"] = servers.password }))
    local r = pc:run("ai.lua", "--doctor")
    assert.falsy(r.ok)
    local t = pc:transcript():gsub("\n", " ")
    assert.truthy(has(t, "FAIL CC blocks 127.0.0.1"), t)
    assert.truthy(has(t, "computercraft-server.toml"), t)
    assert.truthy(has(t, 'host = "$private"'), t)
    assert.truthy(has(t, 'action = "deny"'), t)
    assert.falsy(has(t, "server healthy"), t)
  end)

  it("says when the server is not running", function()
    local pc = servers.newComputer({ url = servers.deadUrl })
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--doctor")
    assert.falsy(r.ok)
    assert.truthy(has(pc:transcript(), "FAIL Could not reach the opencode server"), pc:transcript())
  end)
end)

describe("ai --sessions", function()
  it("lists the newest session first with its id, age and title", function()
    local s = servers.call("POST", "/session", { title = "Listing spec session" })
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--sessions")
    assert.is_true(r.ok, r.error)
    local lines = pc:screenLines()
    assert.truthy(has(lines[1], s.id), pc:screenText())
    assert.truthy(has(lines[1], "now"), pc:screenText())
    assert.truthy(has(lines[1], "Listing spec"), pc:screenText())
  end)

  it("fits a pocket computer's screen", function()
    for _ = 1, 12 do servers.call("POST", "/session", { title = "Filler session with a rather long title" }) end
    local newest = servers.call("POST", "/session", { title = "Pocket" })
    local pc = servers.newComputer({ width = 26, height = 20 })
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--sessions")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    local n = 0
    for line in (t .. "\n"):gmatch("(.-)\n") do
      n = n + 1
      assert.truthy(#line <= 26, line)
    end
    assert.truthy(n <= 19, t)
    assert.truthy(has(t, "older not shown"), t)
    -- the whole id is there (wrapped), as -s needs it
    assert.truthy(has(t:gsub("\n", ""), newest.id), t)
  end)
end)

describe("ai --delete and --abort", function()
  it("deletes a session", function()
    local id = servers.newSession()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--delete", id)
    assert.is_true(r.ok, r.error)
    assert.truthy(has(pc:screenText(), "Deleted " .. id))
    assert.are.equal(404, (servers.request("GET", "/session/" .. id)))
  end)

  it("stops the session's generation on the server", function()
    local id = servers.newSession()
    servers.prompt(id, "[delay:20000] [reply:never]")
    servers.waitFor("the generation to start", function()
      local _, busy = servers.request("GET", "/session/status")
      return type(busy) == "table" and busy[id] ~= nil
    end)
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--abort", "-s", id)
    assert.is_true(r.ok, r.error)
    assert.truthy(has(pc:screenText(), "Stopped " .. id), pc:screenText())
    -- as the Ctrl+T spec: the server marks the message aborted, and the session is idle again
    local aborted = servers.waitFor("the aborted message", function()
      local _, msgs = servers.request("GET", "/session/" .. id .. "/message")
      for _, m in ipairs(msgs or {}) do
        if m.info.role == "assistant" and m.info.error and m.info.error.name == "MessageAbortedError" then return true end
      end
    end)
    assert.is_true(aborted)
    local _, busy = servers.request("GET", "/session/status")
    assert.is_nil(busy[id])
  end)

  it("sends a toast, saying it is shown only if a TUI is attached; the server publishes it", function()
    local listener = servers.listenEvents()
    finally(listener.stop)
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    local r = pc:run("ai.lua", "--toast", "Reactor", "at", "90%")
    assert.is_true(r.ok, r.error)
    assert.are.equal("Toast sent (shown if a TUI is attached)", pc:screenText())
    local toast = servers.waitFor("the toast event", function()
      for _, e in ipairs(listener.events()) do
        if e.type == "tui.toast.show" then return e.properties end
      end
    end)
    assert.are.equal("Reactor at 90%", toast.message)
  end)

  it("says the same for --append, --submit, --clear and --command", function()
    for _, args in ipairs({ { "--append", "typed in CC" }, { "--submit" }, { "--clear" }, { "--command", "session.new" } }) do
      local pc = servers.newComputer({ server = "plain" })
      finally(function() pc:destroy() end)
      local r = pc:run("ai.lua", (table.unpack or unpack)(args))
      assert.is_true(r.ok, args[1] .. ": " .. pc:screenText())
      assert.truthy(pc:screenText():find("^%a+ sent %(shown if a TUI is attached%)$"), pc:screenText())
    end
  end)

  it("prints the version", function()
    local pc = servers.newComputer()
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("ai.lua", "--version").ok)
    assert.truthy(pc:screenText():find("^ai %d+%.%d+%.%d+ %(libai %d+%.%d+%.%d+, libai_bridge %d+%.%d+%.%d+%)$"), pc:screenText())
  end)

  it("says when the bridge module is missing, and how to install it", function()
    local pc = servers.newComputer({ noBridgeModule = true })
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("ai.lua", "--version").ok)
    local t = pc:screenText():gsub("\n", " ")
    assert.truthy(t:find("^ai %d+%.%d+%.%d+ %(libai %d+%.%d+%.%d+%)"), t)
    assert.truthy(has(t, "libai_bridge.lua is not installed beside libai.lua: run the opencc installer again"), t)
  end)
end)

describe("this computer's conversation", function()
  -- one remembered conversation per opencc.directory: sessions are listed per directory
  it("is remembered per opencc.directory, and --abort and --sessions use the directory's own", function()
    local a, b = servers.authProjectDir, servers.projectDir
    local pc = servers.newComputer({ settings = { ["opencc.directory"] = a } })
    finally(function() pc:destroy() end)
    assert.is_true(pc:run("ai.lua", "--raw", "hi in a").ok)
    local inA = pc.env.settings.get("opencc.conversations")[a]
    assert.truthy(inA)

    pc.env.settings.set("opencc.directory", b)
    pc.env.settings.save()
    assert.is_true(pc:run("ai.lua", "--raw", "hi in b").ok)
    local inB = pc.env.settings.get("opencc.conversations")[b]
    assert.truthy(inB)
    assert.are_not.equal(inA, inB)
    assert.is_true(pc:run("ai.lua", "--sessions").ok)
    local listed = pc:screenText():gsub("\n", "")
    assert.truthy(listed:find("*" .. inB, 1, true), listed)

    -- back in a: the same conversation as before, and --abort stops that one
    pc.env.settings.set("opencc.directory", a)
    pc.env.settings.save()
    assert.is_true(pc:run("ai.lua", "--raw", "[reply:again in a] hi").ok)
    local last = servers.call("GET", "/session/" .. inA .. "/message?limit=1")
    assert.are.equal("again in a", servers.text(last[1]))
    servers.prompt(inA, "[delay:20000] [reply:never]")
    assert.is_true(pc:run("ai.lua", "--abort").ok)
    assert.truthy(pc:screenText():find("Stopped " .. inA, 1, true), pc:screenText())
  end)
end)
