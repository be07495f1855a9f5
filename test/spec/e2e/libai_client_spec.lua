-- ai.client(): one method per endpoint, each against the real opencode server. Asserts what a
-- program gets back from each call.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

describe("libai client endpoints (e2e)", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("health, sessions (create with title and parent, list, get, delete)", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local health = c:health()
      local parent = c:createSession("spec parent")
      local child = c:createSession("spec child", parent.id)
      local listed = {}
      for _, s in ipairs(c:sessions()) do listed[s.id] = s.title end
      local got = c:session(child.id)
      local deleted = c:deleteSession(child.id)
      local ok, msg, err = ai.protect(function() return c:session(child.id) end)
      return { healthy = health.healthy, version = health.version, parentTitle = listed[parent.id],
               childParent = got.parentID, deleted = deleted, goneKind = err.kind, goneMsg = msg }
    ]])
    assert.is_true(out.healthy)
    assert.are.equal("1.18.33", out.version)
    assert.are.equal("spec parent", out.parentTitle)
    assert.truthy(out.childParent:match("^ses_"))
    assert.is_true(out.deleted)
    assert.are.equal("session_gone", out.goneKind)
    assert.truthy(out.goneMsg:find("Session not found", 1, true))
  end)

  it("messages with a limit, one message, prompt_async, blocking prompt and abort", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local s = c:createSession("spec messages")
      local r1 = c:prompt(s.id, { messageID = ai.newId("msg"), parts = { { type = "text", text = "[reply:first]" } } })
      local id2 = ai.newId("msg")
      c:promptAsync(s.id, { messageID = id2, parts = { { type = "text", text = "[reply:second]" } } })
      local text2 = ai.waitFor(s.id, id2)
      local all = c:messages(s.id)
      local two = c:messages(s.id, 2)
      local one = c:message(s.id, id2)
      return { r1role = r1.info.role, r1text = r1.parts[#r1.parts].text or "", text2 = text2,
               all = #all, two = #two, lastOfTwo = two[2].info.role, oneText = one.parts[1].text,
               aborted = c:abort(s.id) }
    ]])
    assert.are.equal("assistant", out.r1role)
    assert.are.equal("second", out.text2)
    assert.are.equal(4, out.all)
    assert.are.equal(2, out.two)
    assert.are.equal("assistant", out.lastOfTwo)
    assert.are.equal("[reply:second]", out.oneText)
    assert.is_true(out.aborted)
  end)

  it("lists agents, providers with models, session status, permissions and questions", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local names = {}
      for _, a in ipairs(c:agents()) do names[#names + 1] = a.name end
      local fake
      for _, p in ipairs(c:providers().providers) do if p.id == "fake" then fake = p end end
      return { agents = table.concat(names, ","), primary = table.concat(ai.agents(c), ","),
               models = table.concat(ai.models(c), ","), hasFake = fake ~= nil,
               status = type(c:status()), perms = #c:permissions(), questions = #c:questions() }
    ]])
    assert.truthy(out.agents:find("helper", 1, true))
    assert.are.equal("asker,build,helper,plan", out.primary)
    assert.truthy(out.models:find("fake/fake-model", 1, true))
    assert.truthy(out.models:find("fake/other-model", 1, true))
    assert.is_true(out.hasFake)
    assert.are.equal("table", out.status)
    assert.are.equal("number", type(out.perms))
    assert.are.equal("number", type(out.questions))
  end)

  it("answers a pending permission request through replyPermission", function()
    local session = servers.newSession()
    servers.prompt(session, "[tool:bash:echo replied] go", { agent = "asker" })
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local sid = ...
      local req
      for _ = 1, 50 do
        for _, p in ipairs(c:permissions()) do if p.sessionID == sid then req = p end end
        if req then break end
        sleep(0.2)
      end
      local replied = c:replyPermission(req.id, "once")
      local pendingAfter = 0
      for _, p in ipairs(c:permissions()) do if p.sessionID == sid then pendingAfter = pendingAfter + 1 end end
      return { permission = req.permission, replied = replied, pendingAfter = pendingAfter }
    ]], session)
    assert.are.equal("bash", out.permission)
    assert.is_true(out.replied)
    assert.are.equal(0, out.pendingAfter)
  end)

  it("drives the TUI: toast with title, duration and variant, prompt controls, commands", function()
    local listener = servers.listenEvents()
    finally(listener.stop)
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      return {
        toast = c:showToast("Hello from CC", { title = "opencc", duration = 2000, variant = "success" }),
        append = c:appendPrompt("typed in CC"), submit = c:submitPrompt(), clear = c:clearPrompt(),
        help = c:openHelp(), sessions = c:openSessions(), themes = c:openThemes(), models = c:openModels(),
        command = c:executeCommand("prompt.clear"),
        response = c:controlResponse({ ok = true }),
      }
    ]])
    for _, k in ipairs({ "toast", "append", "submit", "clear", "help", "sessions", "themes", "models", "command", "response" }) do
      assert.is_true(out[k], k)
    end
    -- what the server published for a TUI to show (it answers true with or without one attached)
    local seen = servers.waitFor("the TUI events", function()
      local t, a
      for _, e in ipairs(listener.events()) do
        if e.type == "tui.toast.show" then t = e.properties end
        if e.type == "tui.prompt.append" then a = e.properties end
      end
      if t and a then return { toast = t, appended = a } end
    end)
    assert.are.same({ title = "opencc", message = "Hello from CC", duration = 2000, variant = "success" }, seen.toast)
    assert.are.equal("typed in CC", seen.appended.text)
  end)

  it("waits for the next TUI control request, and gives up after its timeout when none comes", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local value, msg, err = ai.protect(function() return c:controlNext(1) end)
      return { value = value, kind = err and err.kind }
    ]])
    assert.is_nil(out.value)
    assert.are.equal("timeout", out.kind)
  end)

  it("applies a client's own request timeout to each request", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client{ timeout = 1 }
      local value, msg, err = ai.protect(function() return c:controlNext() end)
      return { value = value, kind = err and err.kind, healthy = c:health().healthy }
    ]])
    assert.is_nil(out.value)
    assert.are.equal("timeout", out.kind)
    assert.is_true(out.healthy)
  end)

  it("scopes every request to opencc.directory", function()
    local other = os.tmpname()
    os.remove(other)
    os.execute("mkdir -p " .. other)
    local out = H.run(pc, [[
      local ai = require("libai")
      local dir = ...
      local scoped = ai.client{ directory = dir }
      local s = scoped:createSession("in the other project")
      local inScoped, inDefault = false, false
      for _, x in ipairs(scoped:sessions()) do if x.id == s.id then inScoped = true end end
      for _, x in ipairs(ai.client():sessions()) do if x.id == s.id then inDefault = true end end
      return { dir = s.directory, inScoped = inScoped, inDefault = inDefault }
    ]], other)
    os.execute("rm -rf " .. other)
    assert.are.equal(other, out.dir)
    assert.is_true(out.inScoped)
    assert.is_false(out.inDefault)
  end)
end)
