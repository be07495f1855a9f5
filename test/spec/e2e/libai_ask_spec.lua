-- libai's ask() against the real opencode server (with a password) and the fake model.
-- Each spec asserts what a calling program gets back: the text, the reply, or one error line.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

describe("libai ask (e2e)", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("returns the reply text and a reply with session, message id and model", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[reply:Hello from opencode] hi")
      return { text = text, session = reply.sessionID, id = reply.messageID, model = reply.model,
               n = #reply.messages }
    ]])
    assert.are.equal("Hello from opencode", out.text)
    assert.truthy(out.session:match("^ses_"))
    assert.truthy(out.id:match("^msg_%x%x%x%x%x%x%x%x%x%x%x%x%w%w%w%w%w%w%w%w%w%w%w%w%w%w$"))
    assert.are.equal("fake/fake-model", out.model)
    assert.are.equal(1, out.n)
  end)

  -- The server shows a step's text only when the step ends, so onText sees it per step: it
  -- checks what a caller can rely on, every delta new text and `whole` the text so far.
  it("reports the text with onText: each delta new text, whole the text so far, together the reply", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local calls = {}
      local text = ai.ask("[slow:150][reply:one two three four five six]", {
        onText = function(delta, whole) calls[#calls + 1] = { delta = delta, whole = whole } end,
      })
      return { text = text, calls = calls }
    ]])
    assert.are.equal("one two three four five six", out.text)
    assert.truthy(#out.calls >= 1)
    local sofar = ""
    for _, c in ipairs(out.calls) do
      assert.are_not.equal("", c.delta)
      sofar = sofar .. c.delta
      assert.are.equal(sofar, c.whole)
    end
    assert.are.equal(out.text, sofar)
  end)

  it("follows tool steps to the final answer and reports each tool as it starts and ends", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local seen = {}
      local text, reply = ai.ask("[tool:bash:echo tool-ran] go", {
        onTool = function(t) seen[#seen + 1] = t.tool .. ":" .. t.status end,
      })
      return { text = text, seen = seen, n = #reply.messages,
               first = reply.messages[1].info.finish, tools = #reply.tools }
    ]])
    assert.truthy(out.text:find("Tool finished", 1, true))
    assert.are.same({ "bash:running", "bash:completed" }, out.seen)
    assert.are.equal(2, out.n)
    assert.are.equal("tool-calls", out.first)
    assert.are.equal(1, out.tools)
  end)

  it("turns a model error into nil, the error's name and message, and an err table", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("[error:400] fail please")
      return { text = text, msg = msg, kind = err.kind, name = err.name }
    ]])
    assert.is_nil(out.text)
    assert.are.equal("assistant", out.kind)
    assert.are.equal("APIError", out.name)
    assert.truthy(out.msg:find("^APIError: "))
    assert.truthy(out.msg:find("fake model error 400", 1, true))
  end)

  it("says the reply was stopped when another client aborts the generation", function()
    local session = servers.newSession()
    pc:at(1.5, function() servers.call("POST", "/session/" .. session .. "/abort") end)
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("[delay:6000] slow", { session = ... })
      return { text = text, msg = msg, name = err and err.name }
    ]], session)
    assert.is_nil(out.text)
    assert.are.equal("MessageAbortedError", out.name)
    assert.truthy(out.msg:find("^MessageAbortedError"))
    assert.truthy(out.msg:find("(the reply was stopped on the server)", 1, true))
  end)

  it("names the valid agents when the agent is unknown, before sending anything", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("hi", { agent = "no-such-agent" })
      return { msg = msg, kind = err.kind }
    ]])
    assert.are.equal("unknown_agent", out.kind)
    assert.are.equal('Agent not found: "no-such-agent". Available agents: asker, build, helper, plan', out.msg)
  end)

  it("names the provider's models when the model is unknown", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local _, msg1 = ai.ask("hi", { model = "fake/nope" })
      local _, msg2 = ai.ask("hi", { model = "nobody/nope" })
      return { msg1 = msg1, msg2 = msg2 }
    ]])
    assert.are.equal("Model not found: fake/nope. Models of fake: fake-model, other-model", out.msg1)
    assert.truthy(out.msg2:find("^Provider not found: nobody%. Available providers: .*fake"))
  end)

  it("uses the agent and model it is given", function()
    local token = H.token("agent")
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[reply:ok] " .. ..., { agent = "helper", model = "fake/other-model" })
      return { text = text, agent = reply.agent, model = reply.model }
    ]], token)
    assert.are.equal("ok", out.text)
    assert.are.equal("helper", out.agent)
    assert.are.equal("fake/other-model", out.model)
    local log = servers.modelLog(token)
    assert.are.equal("other-model", log[#log].model)
  end)

  it("notices a session that went idle without answering a message", function()
    -- The server drops a prompt for an unknown agent without any message (it says so only on
    -- its event stream): waitFor must end with a line instead of waiting forever.
    local session = servers.newSession()
    local id = servers.prompt(session, "hi", { agent = "no-such-agent" })
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.waitFor(...)
      return { text = text, msg = msg, kind = err and err.kind }
    ]], session, id)
    assert.is_nil(out.text)
    assert.are.equal("idle", out.kind)
    assert.truthy(out.msg:find("without answering", 1, true))
  end)

  it("stops the generation on the server when opencc.timeout runs out", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("[delay:8000] slow", { timeout = 1 })
      return { msg = msg, kind = err.kind, session = settings.get("opencc.conversation") }
    ]])
    assert.are.equal("timeout", out.kind)
    assert.truthy(out.msg:find("opencc.timeout", 1, true))
    local aborted = servers.waitFor("the aborted message", function()
      local _, msgs = servers.request("GET", "/session/" .. out.session .. "/message?limit=2")
      local last = msgs and msgs[#msgs]
      return last and last.info.error and last.info.error.name == "MessageAbortedError"
    end, 15)
    assert.is_true(aborted)
  end)

  it("on Ctrl+T aborts the generation on the server, then raises Terminated", function()
    pc:at(1.5, function() pc:queueEvent("terminate") end)
    local _, r = H.run(pc, [[
      local ai = require("libai")
      ai.ask("[delay:8000] slow")
      return {}
    ]])
    assert.is_false(r.ok)
    assert.are.equal("Terminated", r.error)
    local session = pc.env.settings.get("opencc.conversation")
    local aborted = servers.waitFor("the aborted message", function()
      local _, msgs = servers.request("GET", "/session/" .. session .. "/message?limit=2")
      local last = msgs and msgs[#msgs]
      return last and last.info.error and last.info.error.name == "MessageAbortedError"
    end, 15)
    assert.is_true(aborted)
  end)

  it("rejects a permission request when no onPermission is given, and says so", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[tool:bash:echo asked] go", { agent = "asker" })
      return { text = text, rejected = reply.rejected }
    ]])
    assert.are.equal(1, #out.rejected)
    assert.truthy(out.rejected[1]:find("^permission bash"))
    assert.truthy(out.rejected[1]:find("no onPermission handler", 1, true))
  end)

  it("passes a permission request to onPermission and sends back its answer", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local asked
      local text, reply = ai.ask("[tool:bash:echo allowed] go", {
        agent = "asker",
        onPermission = function(req) asked = req.permission return "once" end,
      })
      return { text = text, asked = asked, status = reply.tools[1].status, rejected = #reply.rejected }
    ]])
    assert.are.equal("bash", out.asked)
    assert.are.equal("completed", out.status)
    assert.are.equal(0, out.rejected)
    assert.truthy(out.text:find("Tool finished", 1, true))
  end)

  it("passes a question to onQuestion and sends back the chosen labels", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local asked, labels
      local text, reply = ai.ask("[question:Which ore?|Iron|Osmium] go", {
        onQuestion = function(req)
          asked = req.questions[1].question
          labels = req.questions[1].options[1].label .. "," .. req.questions[1].options[2].label
          return { { "Osmium" } }
        end,
      })
      return { text = text, asked = asked, labels = labels, rejected = #reply.rejected }
    ]])
    assert.are.equal("Which ore?", out.asked)
    assert.are.equal("Iron,Osmium", out.labels)
    assert.are.equal(0, out.rejected)
    assert.truthy(out.text:find("^Answered%."), out.text)
    assert.truthy(out.text:find("Osmium", 1, true), out.text)
  end)

  it("rejects a question when no onQuestion is given, and says so", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[question:Which ore?|Iron|Osmium] go")
      return { rejected = reply.rejected }
    ]])
    assert.are.equal(1, #out.rejected)
    assert.are.equal('question "Which ore?" (no onQuestion handler)', out.rejected[1])
  end)

  it("blocking mode (sync) returns the same reply", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[reply:sync works] hi", { sync = true })
      return { text = text }
    ]])
    assert.are.equal("sync works", out.text)
  end)

  it("blocking mode falls back to polling for the same message when the request is cut", function()
    -- CC stops any http request after its timeout (60 s at most); syncTimeout makes it short.
    local token = H.token("sync")
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[delay:2500][reply:late but here] " .. ..., { sync = true, syncTimeout = 1 })
      local msgs = ai.client():messages(reply.sessionID, 0)
      local users = 0
      for _, m in ipairs(msgs) do if m.info.role == "user" then users = users + 1 end end
      return { text = text, users = users }
    ]], token)
    assert.are.equal("late but here", out.text)
    assert.are.equal(1, out.users)
    assert.are.equal(1, #servers.modelLog(token))
  end)
end)
