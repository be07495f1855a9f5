-- `ai <prompt>` against the real server: what the player sees on the virtual screen.
local servers = require("support.servers")

local function computer(opts)
  local pc = servers.newComputer(opts)
  finally(function() pc:destroy() end)
  return pc
end

local function has(text, needle)
  return text:find(needle, 1, true) ~= nil
end

describe("ai <prompt>", function()
  it("prints a plain reply, and leaves no spinner behind", function()
    local pc = computer()
    local session = servers.newSession()
    local r = pc:run("ai.lua", "-s", session, "[reply:Pong from the model]")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(has(screen, "Pong from the model"), screen)
    -- the spinner shows seconds ("| 0s"); none of it may stay on screen
    assert.falsy(screen:find("[|/%-\\] %d+s"), screen)
  end)

  it("shows one dim line per tool call", function()
    local pc = computer()
    local session = servers.newSession()
    local r = pc:run("ai.lua", "-s", session, "[tool:bash:echo hello-tool]")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(screen:find("> bash", 1, true), screen)
    assert.truthy(has(screen, "Tool finished."), screen)
    -- the tool line is light grey (colour "8" in blit)
    local lines = pc:screenLines()
    for y, line in ipairs(lines) do
      if line:find("> bash", 1, true) then
        local fg = pc:lineColours(y)
        assert.are.equal("8", fg:sub(1, 1))
      end
    end
  end)

  it("prints only the text with --raw", function()
    local pc = computer()
    local session = servers.newSession()
    local r = pc:run("ai.lua", "--raw", "-s", session, "[tool:bash:echo raw-tool]")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.truthy(screen:find("^Tool finished%.[^\n]*$"), screen)
  end)

  it("aborts the generation on the server on Ctrl+T and says Cancelled", function()
    local pc = computer()
    local session = servers.newSession()
    -- Ctrl+T once the spinner has counted a second: the model is still waiting to answer
    pc:when(function() return pc:screenText():find("[|/%-\\] [1-9]s") ~= nil end, function()
      pc:queueEvent("terminate")
    end)
    local r = pc:run("ai.lua", "-s", session, "[delay:4000] [reply:Too late]")
    local screen = pc:screenText()
    assert.truthy(has(screen, "Cancelled"), screen)
    assert.falsy(has(screen, "Too late"), screen)
    assert.falsy(has(screen, "Terminated"), screen)
    assert.falsy(r.ok)
    local aborted = servers.waitFor("the aborted message", function()
      local all = servers.call("GET", "/session/" .. session .. "/message")
      for _, m in ipairs(all) do
        if m.info.role == "assistant" and m.info.error and m.info.error.name == "MessageAbortedError" then return m end
      end
    end, 10)
    assert.truthy(aborted)
  end)

  it("says in one line that the server is not running, and keeps the prompt", function()
    local pc = computer({ url = servers.deadUrl })
    local r = pc:run("ai.lua", "hello", "there")
    assert.falsy(r.ok)
    local lines = pc:screenLines()
    local screen = pc:screenText()
    assert.truthy(has(screen, "Could not reach the opencode server"), screen)
    assert.truthy(has(screen, "Your prompt was kept: ai hello there"), screen)
    -- the error is printed in red
    for y, line in ipairs(lines) do
      if line:find("Could not reach", 1, true) then assert.are.equal("e", pc:lineColours(y):sub(1, 1)) end
    end
  end)

  it("says in one line which settings to fix when the password is wrong, without printing it", function()
    local pc = computer({ password = "not-the-password" })
    local r = pc:run("ai.lua", "hello")
    assert.falsy(r.ok)
    -- the line is word-wrapped on the 51-column screen: read it back as one line
    local transcript = pc:transcript():gsub("\n", " ")
    assert.truthy(has(transcript, "refused the credentials (401): set opencc.password to OPENCODE_SERVER_PASSWORD"), transcript)
    -- and it fits two lines of the 51-column screen
    local first, last
    for y, line in ipairs(pc:screenLines()) do
      if line:find("refused", 1, true) then first = y end
      if line:find("OPENCODE_SERVER_PASSWORD", 1, true) then last = y end
    end
    assert.truthy(first and last and last - first <= 1, pc:screenText())
    assert.falsy(has(transcript, "not-the-password"), transcript)
    assert.falsy(has(transcript, servers.password), transcript)
    assert.truthy(has(transcript, "Your prompt was kept: ai hello"), transcript)
  end)

  it("shows the usage line for an unknown option", function()
    local pc = computer()
    local r = pc:run("ai.lua", "--bogus")
    assert.falsy(r.ok)
    local screen = pc:screenText()
    assert.truthy(has(screen, "Unknown option --bogus"), screen)
    assert.truthy(has(screen, "Usage: ai <prompt>"), screen)
  end)

  it("sends everything from the first word on as the prompt, dashes included", function()
    local pc = computer()
    local session = servers.newSession()
    local token = servers.token("dash")
    local r = pc:run("ai.lua", "-s", session, "--raw", "[reply:ok]", token, "what", "does", "rm", "-rf", "do", "-v")
    assert.is_true(r.ok, r.error)
    assert.are.equal("ok", pc:screenText())
    local log = servers.modelLog(token)
    assert.are.equal(1, #log)
    assert.truthy(has(log[1].text, token .. " what does rm -rf do -v"), log[1].text)
  end)

  it("prints the command line back exactly as typed when the ask fails", function()
    local pc = computer()
    local r = pc:run("ai.lua", "-a", "no-such-agent", "what", "does", "rm", "-rf", "do")
    assert.falsy(r.ok)
    local transcript = pc:transcript():gsub("\n", " ")
    assert.truthy(has(transcript, 'Agent not found: "no-such-agent"'), transcript)
    assert.truthy(has(transcript, "Your prompt was kept: ai -a no-such-agent what does rm -rf do"), transcript)
  end)
end)
