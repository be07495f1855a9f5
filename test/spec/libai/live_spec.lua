-- src/libai_bridge/live.ts, loaded alone from build/libai_bridge.lua: the answer as opencode's
-- event stream tells it (shapes as opencode 1.18.33 sends them: a text part starts with
-- message.part.updated text "", grows by message.part.delta, ends with the whole text), merged
-- into what the looks saw, whose text parts are empty until their step ends.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

local USER = "msg_0000000000001zzzzzzzzzzzzz"
local A1 = "msg_252f20d2b001lyG9v35egvNeaT"
local P1 = "prt_252f2175c0016wSVQjM0zFq3Jr"

local function info(id, parent, completed)
  return { id = id, parentID = parent, role = "assistant", sessionID = "ses_x", time = { created = 1, completed = completed } }
end
local function updated(i) return { type = "message.updated", properties = { info = i } } end
local function part(id, msg, text, ptype)
  return { type = "message.part.updated", properties = { part = { id = id, messageID = msg, type = ptype or "text", text = text } } }
end
local function delta(msg, id, d)
  return { type = "message.part.delta", properties = { messageID = msg, partID = id, field = "text", delta = d } }
end
local function textOf(messages)
  local out = {}
  for _, m in ipairs(messages) do
    for _, p in ipairs(m.parts) do if p.type == "text" then out[#out + 1] = p.text end end
  end
  return table.concat(out, "|")
end

describe("the live answer", function()
  local pc, live
  before_each(function()
    pc = ccenv.new({})
    local modules = T.load(pc.env, "build/libai_bridge.lua")
    live = T.new(modules("live").LiveAnswer, USER)
  end)
  after_each(function() pc:destroy() end)

  it("grows a text part from its deltas, before any look has it", function()
    assert.are.equal("nothing", live:apply(updated(info(A1, USER))))
    assert.are.equal("nothing", live:apply(part(P1, A1, "")))
    assert.are.equal("text", live:apply(delta(A1, P1, "one ")))
    assert.are.equal("text", live:apply(delta(A1, P1, "two")))
    assert.are.equal("one two", textOf(live:merge({})))
  end)

  it("shows the stream's text where the look's part is still empty, and the look's once it has one", function()
    live:apply(updated(info(A1, USER)))
    live:apply(part(P1, A1, ""))
    live:apply(delta(A1, P1, "one two"))
    local looked = { { info = info(A1, USER), parts = { { id = P1, messageID = A1, type = "text", text = "" } } } }
    assert.are.equal("one two", textOf(live:merge(looked)))
    looked[1].parts[1].text = "one two three"
    assert.are.equal("one two three", textOf(live:merge(looked)))
  end)

  it("never grows a part whose start it did not hear (a piece may be missing)", function()
    live:apply(updated(info(A1, USER)))
    assert.are.equal("nothing", live:apply(delta(A1, P1, "two")))
    assert.are.equal("", textOf(live:merge({})))
    -- its end carries the whole text
    assert.are.equal("text", live:apply(part(P1, A1, "one two")))
    assert.are.equal("one two", textOf(live:merge({})))
  end)

  it("ignores other messages' answers, and says when to look: an end, a tool, idle, a permission", function()
    assert.are.equal("nothing", live:apply(updated(info("msg_other", "msg_someone_else"))))
    assert.are.equal("nothing", live:apply(part("prt_o", "msg_other", "")))
    assert.are.equal("nothing", live:apply(delta("msg_other", "prt_o", "not ours")))
    assert.are.equal("", textOf(live:merge({})))
    live:apply(updated(info(A1, USER)))
    assert.are.equal("look", live:apply(part("prt_t", A1, nil, "tool")))
    assert.are.equal("look", live:apply(updated(info(A1, USER, 5))))
    assert.are.equal("idle", live:apply({ type = "session.idle", properties = {} }))
    assert.are.equal("idle", live:apply({ type = "session.status", properties = { status = { type = "idle" } } }))
    assert.are.equal("nothing", live:apply({ type = "session.status", properties = { status = { type = "busy" } } }))
    assert.are.equal("look", live:apply({ type = "permission.asked", properties = {} }))
    assert.are.equal("look", live:apply({ type = "question.asked", properties = {} }))
  end)

  it("keeps messages and parts in the server's order (ids grow with time)", function()
    local A2 = "msg_252f20d2b002zzzzzzzzzzzzzz"
    live:apply(updated(info(A1, USER)))
    live:apply(updated(info(A2, USER)))
    live:apply(part("prt_2", A1, "second"))
    live:apply(part("prt_1", A1, "first"))
    live:apply(part("prt_3", A2, "third"))
    assert.are.equal("first|second|third", textOf(live:merge({})))
    local looked = { { info = info(A1, USER, 5), parts = { { id = "prt_1", messageID = A1, type = "text", text = "first" } } } }
    assert.are.equal("first|second|third", textOf(live:merge(looked)))
  end)
end)
