-- Prompts that share a session, against the real server: libai's own queue (FIFO across the
-- coroutines of one computer), waiting for another client's prompt, a newer message that
-- overtakes ours, and a prompt whose answer is lost (sent once, never twice).
-- opencode answers only the newest waiting user message of a busy session, so without the queue
-- prompts sent together lose their replies.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

--- Waits until the server reports the session busy (prompt_async answers before it is).
local function busy(session)
  servers.waitFor("session " .. session .. " to be busy", function()
    local _, status = servers.request("GET", "/session/status")
    return status and status[session] ~= nil
  end)
end

--- Every message of a session, oldest first: { role, text, parent, id, created, completed }.
local function history(session)
  local list = servers.call("GET", "/session/" .. session .. "/message")
  local out = {}
  for i, m in ipairs(list) do
    out[i] = {
      role = m.info.role, text = servers.text(m), parent = m.info.parentID, id = m.info.id,
      created = m.info.time.created, completed = m.info.time.completed,
    }
  end
  return out
end

describe("libai prompts on one session (e2e)", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("four asks at once on the computer's own conversation each get their own reply, in order", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local results, finished = {}, {}
      local function one(i)
        return function()
          local text, second = ai.ask("[slow:50][reply:answer " .. i .. "] q" .. i)
          results[i] = text or ("error: " .. tostring(second))
          finished[#finished + 1] = i
        end
      end
      parallel.waitForAll(one(1), one(2), one(3), one(4))
      return { results = results, finished = finished, session = settings.get("opencc.conversation") }
    ]])
    assert.are.same({ "answer 1", "answer 2", "answer 3", "answer 4" }, out.results)
    assert.are.same({ 1, 2, 3, 4 }, out.finished)
    -- On the server: one conversation, each question followed by its own answer.
    local texts = {}
    for _, m in ipairs(history(out.session)) do texts[#texts + 1] = m.role .. ": " .. m.text end
    assert.are.same({
      "user: [slow:50][reply:answer 1] q1", "assistant: answer 1",
      "user: [slow:50][reply:answer 2] q2", "assistant: answer 2",
      "user: [slow:50][reply:answer 3] q3", "assistant: answer 3",
      "user: [slow:50][reply:answer 4] q4", "assistant: answer 4",
    }, texts)
  end)

  it("submitted jobs on one session are answered in the order submitted", function()
    local session = servers.newSession()
    local out = H.run(pc, [[
      local ai = require("libai")
      local jobs, texts = {}, {}
      for i = 1, 3 do jobs[i] = ai.submit("[reply:job " .. i .. "] j" .. i, { session = ... }) end
      for i = 1, 3 do texts[i] = ai.wait(jobs[i]) end
      return { texts = texts }
    ]], session)
    assert.are.same({ "job 1", "job 2", "job 3" }, out.texts)
  end)

  it("waits until another client's prompt on the session is answered, then sends", function()
    local session = servers.newSession()
    local theirs = servers.prompt(session, "[delay:1500][reply:theirs] first")
    busy(session)
    local token = H.token("turn")
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[reply:mine] " .. select(2, ...), { session = ... })
      return { text = text, id = reply and reply.messageID }
    ]], session, token)
    assert.are.equal("mine", out.text)
    local theirAnswer, mine
    for _, m in ipairs(history(session)) do
      if m.parent == theirs then theirAnswer = m end
      if m.id == out.id then mine = m end
    end
    assert.are.equal("theirs", theirAnswer.text)
    -- Ours reached the server only after theirs was answered: both got their own reply.
    assert.is_true(mine.created >= theirAnswer.completed)
    assert.are.equal(1, #servers.modelLog(token))
  end)

  it("gives up with one line, sending nothing, when the session stays busy past opencc.timeout", function()
    local session = servers.newSession()
    local theirs = servers.prompt(session, "[delay:4000][reply:still theirs] long")
    busy(session)
    local token = H.token("busy")
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("never sent " .. select(2, ...), { session = ..., timeout = 1 })
      return { text = text, msg = msg, kind = err and err.kind }
    ]], session, token)
    assert.is_nil(out.text)
    assert.are.equal("timeout", out.kind)
    assert.truthy(out.msg:find("stayed busy with another client's prompt", 1, true), out.msg)
    assert.truthy(out.msg:find("not sent", 1, true), out.msg)
    -- Their prompt was not stopped by ours, and ours never reached the model.
    local answer = servers.waitAnswer(session, theirs)
    assert.are.equal("still theirs", servers.text(answer[#answer]))
    assert.are.same({}, servers.modelLog(token))
  end)

  it("returns its own reply when another client's message arrives while it is answered", function()
    local session = servers.newSession()
    local other
    -- The other client's message comes in while ours is being answered (the session busy with
    -- our prompt): the server's run goes on to answer it too, after ours.
    pc:when(function()
      local _, status = servers.request("GET", "/session/status")
      return status and status[session] ~= nil
    end, function() other = servers.prompt(session, "[reply:the other answer] other") end)
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.ask("[slow:100][reply:my own answer] mine", { session = ... })
      return { text = text, n = text and #reply.messages, msg = not text and reply }
    ]], session)
    assert.are.equal("my own answer", out.text, out.msg)
    assert.are.equal(1, out.n)
    assert.is_string(other)
    assert.are.equal("the other answer", servers.text(servers.waitAnswer(session, other)[1]))
  end)

  it("says a newer message overtook it when the server answered that one instead", function()
    -- While the session is busy, ours and then a newer message wait: the server answers only
    -- the newest, so ours never gets a reply.
    local session = servers.newSession()
    local first = servers.prompt(session, "[delay:1500][reply:busy] first")
    servers.waitFor("the first prompt to be running", function() return #servers.answers(session, first) > 0 end)
    local ours = servers.prompt(session, "ours")
    local newer = servers.prompt(session, "[reply:newest] newer")
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.waitFor(...)
      return { text = text, msg = msg, kind = err and err.kind }
    ]], session, ours)
    assert.is_nil(out.text)
    assert.are.equal("overtaken", out.kind)
    assert.truthy(out.msg:find("newer message", 1, true), out.msg)
    assert.truthy(out.msg:find("send it again", 1, true), out.msg)
    assert.are.equal("newest", servers.text(servers.waitAnswer(session, newer)[1]))
  end)

  it("waitFor returns the reply to a message sent elsewhere, without sending anything", function()
    local session = servers.newSession()
    local token = H.token("waitfor")
    local id = servers.prompt(session, "[slow:100][reply:waited for] " .. token)
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, reply = ai.waitFor(...)
      return { text = text, id = reply and reply.messageID }
    ]], session, id)
    assert.are.equal("waited for", out.text)
    assert.are.equal(id, out.id)
    assert.are.equal(1, #servers.modelLog(token))
    assert.are.equal(2, #history(session))
  end)
end)

describe("libai prompts whose answer is lost (e2e)", function()
  -- CC reports a connection reset or refused as ("http_failure", url, reason) with no handle.
  -- The program below stands in for the network: it replaces http.request so that the first
  -- blocking prompt either reaches the server and its answer is lost (the request goes to a URL
  -- libai does not wait for, and once that answer is in, CC's failure event arrives for the
  -- original URL) or never leaves the computer (the failure event at once).
  local LOSE = [[
    local mode = ...
    local real = http.request
    local lost = false
    http.request = function(req)
      if not lost and type(req) == "table" and req.method == "POST" and req.url:find("/message", 1, true) then
        lost = true
        if mode == "answer" then
          local copy = {}
          for k, v in pairs(req) do copy[k] = v end
          copy.url = req.url .. (req.url:find("?", 1, true) and "&" or "?") .. "lost=1"
          real(copy)
          -- The server answers; the answer is lost on the way back.
          repeat
            local event, url = os.pullEvent()
          until (event == "http_success" or event == "http_failure") and url == copy.url
          os.queueEvent("http_failure", req.url, "Connection reset")
        else
          os.queueEvent("http_failure", req.url, "Could not connect")
        end
        return true
      end
      return real(req)
    end
    local ai = require("libai")
    local text, reply = ai.ask("[slow:200][reply:said once] " .. select(2, ...), { session = select(3, ...) })
    local users = 0
    for _, m in ipairs(ai.client():messages(select(3, ...), 0)) do
      if m.info.role == "user" then users = users + 1 end
    end
    return { text = text, users = users }
  ]]

  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("does not send it again when the server has it (the answer was reset on the way back)", function()
    local session = servers.newSession()
    local token = H.token("lost-answer")
    local out = H.run(pc, LOSE, "answer", token, session)
    assert.are.equal("said once", out.text)
    assert.are.equal(1, out.users)
    assert.are.equal(1, #servers.modelLog(token))
  end)

  it("sends it again, once, when the server never got it", function()
    local session = servers.newSession()
    local token = H.token("lost-request")
    local out = H.run(pc, LOSE, "request", token, session)
    assert.are.equal("said once", out.text)
    assert.are.equal(1, out.users)
    assert.are.equal(1, #servers.modelLog(token))
  end)
end)

describe("libai in bounded time (e2e)", function()
  -- A server that takes the connection and never answers: CC waits for a reply until the
  -- request's timeout (30 s by default). The computer's own run limit (8 s) fails any prompt
  -- that is not bounded by opencc.timeout (1 s) plus the abort's 5 s.
  local socket = require("socket")
  local silent, url
  before_each(function()
    silent = assert(socket.bind("127.0.0.1", 0))
    local _, port = silent:getsockname()
    url = "http://127.0.0.1:" .. port
  end)
  after_each(function() silent:close() end)

  for _, case in ipairs({
    { "this computer's own conversation", {} },
    { "a pinned session", { ["opencc.session_id"] = "ses_0000000000000silent" } },
  }) do
    it("ends a prompt to " .. case[1] .. " by opencc.timeout when the server never answers", function()
      case[2]["opencc.timeout"] = 1
      local pc = H.computer({ url = url, password = false, settings = case[2], timeout = 8 })
      local out, r, transcript = H.run(pc, [[
        local ai = require("libai")
        local text, msg, err = ai.ask("hello")
        return { text = text, msg = msg, kind = err and err.kind }
      ]])
      pc:destroy()
      assert.is_table(out, tostring(r.error) .. "\n" .. transcript)
      assert.is_nil(out.text)
      assert.are.equal("timeout", out.kind)
      assert.truthy(out.msg:find("did not answer in time", 1, true), out.msg)
    end)
  end
end)

describe("libai in bounded time, waiting for the player (e2e)", function()
  it("ends by opencc.timeout while an onPermission callback still waits for the player", function()
    -- The callback, still waiting for the player, is dropped at the deadline (not waited for),
    -- and the generation is stopped on the server.
    local pc = H.computer({ timeout = 10 })
    local out, r, transcript = H.run(pc, [[
      local ai = require("libai")
      local asked = false
      local text, msg, err = ai.ask("[tool:bash:echo never answered] go", {
        agent = "asker", timeout = 2,
        onPermission = function() asked = true os.pullEvent("an_answer_that_never_comes") end,
      })
      return { text = text, msg = msg, kind = err and err.kind, asked = asked,
        session = settings.get("opencc.conversation") }
    ]])
    pc:destroy()
    assert.is_table(out, tostring(r.error) .. "\n" .. transcript)
    assert.is_true(out.asked)
    assert.is_nil(out.text)
    assert.are.equal("timeout", out.kind)
    assert.truthy(out.msg:find("opencc.timeout", 1, true), out.msg)
    servers.waitFor("the session to stop", function()
      local _, status = servers.request("GET", "/session/status")
      return status and status[out.session] == nil
    end, 15)
  end)
end)
