-- Which session a prompt goes to, and ids on the server's clock, against the real server.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

describe("libai sessions (e2e)", function()
  local pc
  after_each(function() if pc then pc:destroy() end end)

  it("makes this computer's own conversation, titled with its id and label, and continues it", function()
    pc = H.computer({ id = 4242000 + math.random(999), label = "Base Turtle" })
    local out = H.run(pc, [[
      local ai = require("libai")
      local _, r1 = ai.ask("[reply:one] first")
      local _, r2 = ai.ask("[reply:two] second")
      local s = ai.client():session(r1.sessionID)
      return { s1 = r1.sessionID, s2 = r2.sessionID, title = s.title, id = os.getComputerID(),
               remembered = settings.get("opencc.conversation") }
    ]])
    assert.are.equal(out.s1, out.s2)
    assert.are.equal(out.s1, out.remembered)
    assert.are.equal("CC computer #" .. out.id .. " (Base Turtle)", out.title)
  end)

  it("finds its conversation on the server by title when nothing is remembered", function()
    pc = H.computer()
    local first = H.run(pc, [[
      local ai = require("libai")
      local _, r = ai.ask("[reply:one] first")
      settings.unset("opencc.conversation")
      settings.save()
      local _, r2 = ai.ask("[reply:two] again")
      return { s1 = r.sessionID, s2 = r2.sessionID }
    ]])
    assert.are.equal(first.s1, first.s2)
  end)

  it("prefers an explicit session, then opencc.session_id, then the computer's own", function()
    local pinned = servers.newSession()
    local explicit = servers.newSession()
    pc = H.computer({ settings = { ["opencc.session_id"] = pinned } })
    local out = H.run(pc, [[
      local ai = require("libai")
      local _, a = ai.ask("[reply:a] x", { session = select(1, ...) })
      local _, b = ai.ask("[reply:b] y")
      return { a = a.sessionID, b = b.sessionID }
    ]], explicit)
    assert.are.equal(explicit, out.a)
    assert.are.equal(pinned, out.b)
  end)

  it("makes a new conversation once when the remembered one has gone, and the prompt goes through", function()
    pc = H.computer()
    local out = H.run(pc, [[
      local ai = require("libai")
      local c = ai.client()
      local _, r1 = ai.ask("[reply:one] first")
      c:deleteSession(r1.sessionID)
      local text, r2 = ai.ask("[reply:after the wipe] second")
      return { old = r1.sessionID, new = r2.sessionID, text = text, remembered = settings.get("opencc.conversation") }
    ]])
    assert.are_not.equal(out.old, out.new)
    assert.are.equal("after the wipe", out.text)
    assert.are.equal(out.new, out.remembered)
  end)

  it("names opencc.session_id when the pinned session has gone", function()
    local gone = servers.newSession()
    servers.call("DELETE", "/session/" .. gone)
    pc = H.computer({ settings = { ["opencc.session_id"] = gone } })
    local out = H.run(pc, [[
      local ai = require("libai")
      local text, msg, err = ai.ask("hello")
      return { msg = msg, kind = err.kind }
    ]])
    assert.are.equal("session_gone", out.kind)
    assert.are.equal("Session " .. gone .. " in opencc.session_id no longer exists on the server: pick another (ai --sessions) and set opencc.session_id to it, or set it to \"\" to use this computer's own conversation.", out.msg)
  end)
end)

describe("libai ids (e2e)", function()
  local pc
  after_each(function() if pc then pc:destroy() end end)

  it("are in opencode's format and ascend strictly, also within one millisecond", function()
    pc = H.computer()
    local out = H.run(pc, [[
      local ai = require("libai")
      local ids, bad, n = {}, nil, 3000
      for i = 1, n do ids[i] = ai.newId("msg") end
      for i = 1, n do
        if not ids[i]:match("^msg_%x%x%x%x%x%x%x%x%x%x%x%x[0-9A-Za-z]+$") or #ids[i] ~= 30 then bad = ids[i] end
        if i > 1 and not (ids[i] > ids[i - 1]) then bad = ids[i - 1] .. " >= " .. ids[i] end
      end
      return { bad = bad, first = ids[1], last = ids[n] }
    ]])
    assert.is_nil(out.bad)
  end)

  -- The offset comes from the time.created of a session the computer makes, or, for a session
  -- made elsewhere (pinned), from the responses' Date header.
  for _, case in ipairs({ { 10, false }, { -10, false }, { 10, true }, { -10, true } }) do
    local skew, pinned = case[1] * 60 * 1000, case[2]
    it(("keep replies in order when the computer's clock is %+d minutes off (%s)"):format(case[1],
        pinned and "pinned session" or "own conversation"), function()
      local settings = pinned and { ["opencc.session_id"] = servers.newSession() } or nil
      pc = H.computer({ clockSkewMs = skew, settings = settings })
      local out = H.run(pc, [[
        local ai = require("libai")
        local texts, sessions = {}, {}
        for i = 1, 3 do
          local text, reply = ai.ask("[reply:answer " .. i .. "] question " .. i)
          texts[i] = text
          sessions[i] = reply and reply.sessionID
        end
        -- the ids we made must sort between the server's own message ids
        local msgs = ai.client():messages(sessions[3], 0)
        local order = {}
        for i, m in ipairs(msgs) do order[i] = m.info.id end
        local sorted = true
        for i = 2, #order do if order[i] <= order[i - 1] then sorted = false end end
        return { texts = texts, same = sessions[1] == sessions[3], sorted = sorted, n = #msgs }
      ]])
      assert.are.same({ "answer 1", "answer 2", "answer 3" }, out.texts)
      assert.is_true(out.same)
      assert.are.equal(6, out.n)
      assert.is_true(out.sorted)
    end)
  end
end)
