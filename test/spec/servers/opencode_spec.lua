-- The test servers themselves: the real opencode (with and without a password) and the fake
-- model behave as the rest of the suite assumes (see /work/shared/opencode-server-notes.md).
local servers = require("support.servers")

describe("test servers", function()
  describe("health", function()
    it("answers on the server without a password", function()
      local status, body = servers.request("GET", "/global/health", nil, { url = servers.url })
      assert.are.equal(200, status)
      assert.is_true(body.healthy)
      assert.are.equal("1.18.33", body.version)
    end)

    it("answers on the password server with credentials", function()
      local status, body = servers.request("GET", "/global/health")
      assert.are.equal(200, status)
      assert.is_true(body.healthy)
    end)

    it("answers 401 with www-authenticate Basic without credentials", function()
      local status, _, headers, raw = servers.request("GET", "/global/health", nil, { auth = false })
      assert.are.equal(401, status)
      assert.are.equal("", raw)
      assert.truthy((headers["www-authenticate"] or ""):find("Basic", 1, true))
    end)

    it("answers 401 to a wrong password", function()
      local status = servers.request("GET", "/session", nil, { password = "wrong" })
      assert.are.equal(401, status)
    end)

    it("has nothing listening on the dead URL", function()
      local status, err = servers.request("GET", "/global/health", nil, { url = servers.deadUrl, timeout = 3 })
      assert.is_nil(status)
      assert.truthy(tostring(err):find("refused", 1, true))
    end)

    it("lists the test agents and the fake provider", function()
      local agents = servers.call("GET", "/agent")
      local names = {}
      for _, a in ipairs(agents) do names[a.name] = a end
      assert.truthy(names.helper, "agent helper")
      assert.are.equal("A helpful test agent", names.helper.description)
      assert.truthy(names.asker, "agent asker")
      local providers = servers.call("GET", "/config/providers")
      local fake
      for _, p in ipairs(providers.providers) do if p.id == "fake" then fake = p end end
      assert.truthy(fake, "provider fake")
      assert.truthy(fake.models["fake-model"])
      assert.truthy(fake.models["other-model"])
    end)
  end)

  describe("prompts", function()
    it("answers a [reply:pong] prompt with the text pong", function()
      local token = servers.token("pong")
      local session = servers.newSession()
      local mid = servers.prompt(session, token .. " [reply:pong]")
      local answers = servers.waitAnswer(session, mid)
      assert.are.equal(1, #answers)
      assert.are.equal("stop", answers[1].info.finish)
      assert.are.equal("pong", servers.text(answers[1]))
      local log = servers.modelLog(token)
      assert.are.equal(1, #log)
      assert.are.equal("fake-model", log[1].model)
      assert.is_true(log[1].tools)
      -- opencode asks the small model for a title; the fake model answers "Fake title" and
      -- does not log that request.
      servers.waitFor("the session title", function()
        return servers.call("GET", "/session/" .. session).title == "Fake title"
      end, 15)
    end)

    it("ends an [error:500] prompt, after opencode's retries, as an assistant APIError", function()
      local token = servers.token("err")
      local session = servers.newSession()
      local mid = servers.prompt(session, token .. " [error:500]")
      local answers = servers.waitAnswer(session, mid, { timeout = 20 })
      local last = answers[#answers]
      assert.truthy(last.info.error)
      assert.are.equal("APIError", last.info.error.name)
      assert.are.equal(500, last.info.error.data.statusCode)
      assert.are.equal("fake model error 500", last.info.error.data.message)
      -- opencode retries 5xx five times; retry-after-ms: 0 makes them immediate.
      assert.are.equal(6, #servers.modelLog(token))
    end)

    it("runs a bash tool call and answers in two assistant messages", function()
      local token = servers.token("tool")
      local session = servers.newSession()
      local mid = servers.prompt(session, token .. " [tool:bash:echo hi] [echo]")
      local answers = servers.waitAnswer(session, mid)
      assert.are.equal(2, #answers)
      assert.are.equal("tool-calls", answers[1].info.finish)
      local tool
      for _, p in ipairs(answers[1].parts) do if p.type == "tool" then tool = p end end
      assert.truthy(tool, "a tool part")
      assert.are.equal("bash", tool.tool)
      assert.are.equal("completed", tool.state.status)
      assert.are.equal("echo hi", tool.state.input.command)
      assert.are.equal("stop", answers[2].info.finish)
      assert.are.equal("Tool finished. hi", servers.text(answers[2]))
    end)

    it("keeps non-ASCII text intact", function()
      local session = servers.newSession()
      local mid = servers.prompt(session, servers.token("uni") .. " [unicode]")
      local answers = servers.waitAnswer(session, mid)
      assert.are.equal(
        "Caf\195\169 \226\128\156quoted\226\128\157 \226\128\148 wait\226\128\166 \226\128\162 item "
          .. "\226\134\146 next \240\159\152\128 \226\148\128\226\148\128 done",
        servers.text(answers[1]))
    end)

    it("uses the agent and model a prompt names", function()
      local token = servers.token("model")
      local session = servers.newSession()
      local mid = servers.prompt(session, token .. " [reply:ok]",
        { agent = "helper", model = { providerID = "fake", modelID = "other-model" } })
      local answers = servers.waitAnswer(session, mid)
      assert.are.equal("ok", servers.text(answers[1]))
      assert.are.equal("helper", answers[1].info.agent)
      assert.are.equal("other-model", servers.modelLog(token)[1].model)
    end)

    it("asks permission for bash with the asker agent", function()
      local token = servers.token("ask")
      local session = servers.newSession()
      local mid = servers.prompt(session, token .. " [tool:bash:echo asked]", { agent = "asker" })
      local request = servers.waitFor("a permission request", function()
        for _, p in ipairs(servers.call("GET", "/permission")) do
          if p.sessionID == session then return p end
        end
      end, 30)
      assert.are.equal("bash", request.permission)
      assert.are.same({ "echo asked" }, request.patterns)
      assert.truthy(request.id:match("^per"))
      -- Rejecting it ends the prompt: the tool part fails, the message completes with finish
      -- "tool-calls" and no error, and the session goes idle with no further message.
      servers.call("POST", "/permission/" .. request.id .. "/reply", { reply = "reject" })
      local answers = servers.waitFor("the rejected tool call to settle", function()
        local status = servers.call("GET", "/session/status")
        local a = servers.answers(session, mid)
        if status[session] == nil and a[1] and a[1].info.time.completed then return a end
      end, 20)
      assert.are.equal(1, #answers)
      assert.are.equal("tool-calls", answers[1].info.finish)
      local tool
      for _, p in ipairs(answers[1].parts) do if p.type == "tool" then tool = p end end
      assert.are.equal("error", tool.state.status)
    end)

    it("aborts a slow prompt", function()
      local session = servers.newSession()
      local mid = servers.prompt(session, servers.token("abort") .. " [slow:300][long:40]")
      -- Text deltas go only to the event stream: over HTTP the text part stays "" until the
      -- step ends. Wait for the part to exist, i.e. streaming has begun.
      servers.waitFor("the answer to start", function()
        local a = servers.answers(session, mid)
        if not a[1] then return false end
        for _, p in ipairs(a[1].parts) do if p.type == "text" then return true end end
      end, 20)
      local status, body = servers.request("POST", "/session/" .. session .. "/abort")
      assert.are.equal(200, status)
      assert.is_true(body)
      local answers = servers.waitAnswer(session, mid, { timeout = 15 })
      assert.are.equal("MessageAbortedError", answers[#answers].info.error.name)
    end)
  end)

  describe("fake model", function()
    local function complete(text)
      return servers.call("POST", servers.modelUrl .. "/v1/chat/completions",
        { model = "fake-model", messages = { { role = "user", content = text } } }, { url = servers.modelUrl })
    end

    it("lists its models", function()
      local models = servers.call("GET", servers.modelUrl .. "/v1/models", nil, { url = servers.modelUrl })
      assert.are.equal("fake-model", models.data[1].id)
    end)

    it("answers the directives without streaming", function()
      assert.are.equal("Hello from the fake model.", complete("hi").choices[1].message.content)
      assert.are.equal("Line 1\nLine 2\nLine 3", complete("[long:3]").choices[1].message.content)
      assert.are.equal("a\nb", complete("[reply:a\\nb]").choices[1].message.content)
      assert.truthy(complete("[markdown]").choices[1].message.content:find("```lua", 1, true))
    end)

    it("answers [error:CODE] with that status and an OpenAI error body", function()
      local status, body, headers = servers.request("POST", servers.modelUrl .. "/v1/chat/completions",
        { model = "fake-model", messages = { { role = "user", content = "[error:429]" } } }, { url = servers.modelUrl })
      assert.are.equal(429, status)
      assert.are.equal("fake model error 429", body.error.message)
      assert.are.equal("0", headers["retry-after-ms"])
    end)
  end)
end)

describe("servers.newComputer", function()
  it("builds a computer with the library, the program and the server settings", function()
    local pc = servers.newComputer()
    assert.is_true(pc:exists("libai.lua"))
    assert.is_true(pc:exists("ai.lua"))
    local settings = pc:readFile(".settings")
    assert.truthy(settings:find(servers.authUrl, 1, true))
    assert.truthy(settings:find(servers.password, 1, true))
    local plain = servers.newComputer({ server = "plain", noProgram = true })
    assert.is_false(plain:exists("ai.lua"))
    assert.is_nil(plain:readFile(".settings"):find("opencc.password", 1, true))
  end)
end)
