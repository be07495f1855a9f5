-- Prompts in a row from one computer, each with a tool call through the real opencc-bridge and
-- the real opencode server (issue 19, part 1). All run inside one program, as a player typing
-- them one after the other: CC's event queue is not emptied between them, so whatever an
-- earlier prompt's closing connection leaves behind meets the next one.
-- The computer closes websockets as CraftOS-PC 2.8 does (lateWebsocketClose: the close's
-- websocket_closed comes up to 1 s later, named by URL only; see test/ccenv/websocket.lua), the
-- case where the third prompt's call waited 30 s for a socket nobody read.
local servers = require("support.servers")

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function count(text, needle)
  local n, from = 0, 1
  while true do
    local _, e = text:find(needle, from, true)
    if not e then return n end
    n, from = n + 1, e + 1
  end
end

local function computer(id)
  local pc = servers.newComputer({
    id = id,
    lateWebsocketClose = true,
    timeout = 150,
    settings = {
      ["opencc.bridge_url"] = servers.bridgeUrl,
      ["opencc.bridge_token"] = servers.bridgeToken,
      ["opencc.tools"] = "read,lua",
    },
  })
  finally(function() pc:destroy() end)
  return pc
end

--- The prompt asking the agent to compute `n` on computer `id` (the reply says the result).
local function luaPrompt(token, id, n)
  return ('%s [call:opencc_lua:{"computer":%d,"code":"return %d * 7"}]'):format(token, id, n)
end

--- The values the model saw in the tool results of the prompt with this token.
local function resultsOf(token)
  local out = {}
  for _, e in ipairs(servers.modelLog(token)) do
    for _, r in ipairs(e.toolResults or {}) do out[#out + 1] = r end
  end
  return table.concat(out, "\n")
end

describe("prompts in a row through the bridge", function()
  it("10 prompts from one computer, each with a tool call: every call reaches the computer, every reply is right", function()
    local id = 4190
    local pc = computer(id)
    local tokens = {}
    for i = 1, 10 do tokens[i] = servers.token("row" .. i) end
    local lines = { "local prompts = dofile('prompts.lua')", "for i = 1, #prompts do" }
    lines[#lines + 1] = "  if i == 1 then shell.execute('ai.lua', '-n', prompts[i]) else shell.execute('ai.lua', prompts[i]) end"
    lines[#lines + 1] = "end"
    pc:writeFile("row.lua", table.concat(lines, "\n"))
    local prompts = {}
    for i = 1, 10 do prompts[i] = luaPrompt(tokens[i], id, i) end
    pc:writeFile("prompts.lua", "return " .. servers.serialise(prompts))
    local r = pc:run("row.lua")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.is_false(has(t, "did not answer"), t)
    assert.is_false(has(t, "Not serving the bridge"), t)
    assert.is_false(has(t, "disconnected"), t)
    -- each call served once (the transcript logs every write: a reply's last line is previewed
    -- as it grows, then printed, so a reply's text may stand in it more than once)
    assert.are.equal(10, count(t, "> lua: return"), t)
    for i = 1, 10 do
      assert.truthy(has(t, ('"values":[%d]'):format(i * 7)), t) -- the reply quotes the result
      local seen = resultsOf(tokens[i])
      assert.truthy(has(seen, ('"values":[%d]'):format(i * 7)), "prompt " .. i .. ": " .. seen)
    end
  end)

  it("ai --serve with prompts in between: each serving phase and each prompt reaches the computer", function()
    local id = 4191
    local pc = computer(id)
    local tokens, prompts = {}, {}
    for i = 1, 3 do
      tokens[i] = servers.token("between" .. i)
      prompts[i] = luaPrompt(tokens[i], id, 10 + i)
    end
    pc:writeFile("prompts.lua", "return " .. servers.serialise(prompts))
    pc:writeFile("between.lua", table.concat({
      "local prompts = dofile('prompts.lua')",
      "shell.execute('ai.lua', '-n', prompts[1])",
      "shell.execute('ai.lua', '--serve')",
      "shell.execute('ai.lua', prompts[2])",
      "shell.execute('ai.lua', '--serve')",
      "shell.execute('ai.lua', prompts[3])",
    }, "\n"))
    -- Each time the computer starts serving, a prompt asked elsewhere calls a tool on it; once
    -- that prompt is answered, Ctrl+T ends serving and the next prompt of the row runs.
    local outside = {}
    local function servePhase(k)
      local token = servers.token("outside" .. k)
      local session, messageID, lastPoll = nil, nil, 0
      pc:when(function() return count(pc:transcript(), "Serving the bridge") >= k end, function()
        session = servers.newSession()
        messageID = servers.prompt(session, luaPrompt(token, id, 100 + k))
      end)
      pc:when(function()
        if not messageID or servers.now() - lastPoll < 0.3 then return false end
        lastPoll = servers.now()
        local mine = servers.answers(session, messageID)
        local last = mine[#mine]
        if last and last.info.time and last.info.time.completed and last.info.finish ~= "tool-calls" then
          outside[k] = servers.text(last)
          return true
        end
        return false
      end, function()
        pc:queueEvent("terminate")
        if k < 2 then servePhase(k + 1) end
      end)
    end
    servePhase(1)
    local r = pc:run("between.lua")
    assert.is_true(r.ok, r.error)
    local t = pc:transcript()
    assert.is_false(has(t, "did not answer"), t)
    assert.is_false(has(t, "disconnected"), t)
    assert.are.equal(2, count(t, "Stopped serving."), t)
    for k = 1, 2 do
      assert.truthy(outside[k] and has(outside[k], ('"values":[%d]'):format((100 + k) * 7)), tostring(outside[k]))
    end
    for i = 1, 3 do
      local seen = resultsOf(tokens[i])
      assert.truthy(has(seen, ('"values":[%d]'):format((10 + i) * 7)), "prompt " .. i .. ": " .. seen)
    end
  end)
end)
