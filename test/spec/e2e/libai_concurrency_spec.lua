-- libai beside a program's own event loop, and several prompts at once, against the real server.
-- Mirrors CC's parallel API: every coroutine gets every event, so a loop beside ai.ask must
-- still see all of its own events.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

describe("libai with other code running (e2e)", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("ask works inside parallel.waitForAny beside a loop that keeps all of its events", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local got, sent, text = {}, 0, nil
      parallel.waitForAny(
        function() text = ai.ask("[slow:100][reply:side by side reply] hi") end,
        function()
          while true do
            sent = sent + 1
            os.queueEvent("my_event", sent)
            local _, n = os.pullEvent("my_event")
            got[#got + 1] = n
            sleep(0.05)
          end
        end)
      local lost = 0
      for i = 1, #got do if got[i] ~= i then lost = lost + 1 end end
      return { text = text, received = #got, sent = sent, lost = lost }
    ]])
    assert.are.equal("side by side reply", out.text)
    assert.is_true(out.received >= 3)
    assert.are.equal(0, out.lost)
  end)

  it("four prompts at once on four sessions each get their own answer", function()
    local sessions = {}
    for i = 1, 4 do sessions[i] = servers.newSession() end
    local out = H.run(pc, [[
      local ai = require("libai")
      local sessions = { ... }
      local jobs, texts = {}, {}
      for i = 1, 4 do
        jobs[i] = ai.submit("[slow:50][reply:answer for " .. i .. "] q" .. i, { session = sessions[i] })
      end
      for i = 1, 4 do
        local text, reply = ai.wait(jobs[i])
        texts[i] = text .. " @ " .. (reply.sessionID == sessions[i] and "own session" or reply.sessionID)
      end
      return { texts = texts }
    ]], sessions[1], sessions[2], sessions[3], sessions[4])
    assert.are.same({
      "answer for 1 @ own session", "answer for 2 @ own session",
      "answer for 3 @ own session", "answer for 4 @ own session",
    }, out.texts)
  end)

  it("a submitted job announces its end with an ai_done event in the program's own loop", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local job = ai.submit("[reply:from the background] go")
      local seen
      while true do
        local ev = { os.pullEventRaw() }
        ai.handle(table.unpack(ev))
        if ev[1] == "ai_done" and ev[2] == job.id then seen = ev[3] break end
      end
      return { ok = seen, status = job.status, text = job.text }
    ]])
    assert.is_true(out.ok)
    assert.are.equal("done", out.status)
    assert.are.equal("from the background", out.text)
  end)

  it("ai.run drives jobs beside the program's loop, which catches ai_done", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local job = ai.submit("[reply:ran in the background] go")
      local ended
      parallel.waitForAny(ai.run, function()
        local _, id, ok = os.pullEvent("ai_done")
        ended = { id = id, ok = ok }
      end)
      return { id = ended.id, ok = ended.ok, want = job.id, text = job.text }
    ]])
    assert.are.equal(out.want, out.id)
    assert.is_true(out.ok)
    assert.are.equal("ran in the background", out.text)
  end)

  it("a failed job gives nil, the message and the error from ai.wait", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local job = ai.submit("hi", { agent = "no-such-agent" })
      local text, msg, err = ai.wait(job)
      return { text = text, msg = msg, kind = err.kind, status = job.status }
    ]])
    assert.is_nil(out.text)
    assert.are.equal("failed", out.status)
    assert.are.equal("unknown_agent", out.kind)
    assert.truthy(out.msg:find("^Agent not found"))
  end)
end)
