-- A stand-in for build/libai.lua inside a ccenv computer, so the ai program's screen can be
-- checked without a server. ask() acts out the prompt it is given:
--   "tools"     onText, then a tool starting and finishing, then more text
--   "question"  asks a question with two options; replies with the label picked
--   "permit"    asks permission; replies with the answer
--   "slow"      waits for Ctrl+T (writes "aborted" to a file, like libai's abort on the server)
--   "fail"      fails with one line
--   anything else: replies "echo: <prompt>"
local M = { version = "9.9.9", settingNames = { "opencc.server_url", "opencc.password" } }
function M.bridgeVersion() return "9.9.9" end

local function wait(seconds)
  local t = os.startTimer(seconds)
  while true do
    local e, id = os.pullEventRaw()
    if e == "terminate" then
      local f = fs.open("aborted", "w")
      f.write("yes")
      f.close()
      error("Terminated", 0)
    end
    if e == "timer" and id == t then return end
  end
end

function M.toCC(s) return s end

function M.ask(prompt, opts)
  local reply = { sessionID = "ses_fake0000000000000000000001", text = "" }
  local function done(text)
    reply.text = text
    return text, reply
  end
  if prompt == "tools" then
    opts.onText("Let me look.\n", "Let me look.\n")
    opts.onTool({ tool = "bash", status = "running" })
    wait(0.3)
    opts.onTool({ tool = "bash", status = "completed", title = "list files" })
    opts.onText("Found 3 files.\n", "Let me look.\nFound 3 files.\n")
    return done("Let me look.\nFound 3 files.\n")
  elseif prompt == "question" then
    local answers = opts.onQuestion({ id = "que_1", sessionID = reply.sessionID, questions = {
      { question = "Which colour?", header = "Colour", options = { { label = "red" }, { label = "blue", description = "like the sea" } } },
    } })
    local picked = answers and answers[1][1] or "nothing"
    opts.onText("You picked " .. picked .. "\n", "")
    return done("You picked " .. picked)
  elseif prompt == "permit" then
    local answer = opts.onPermission({ id = "per_1", sessionID = reply.sessionID, permission = "bash",
      patterns = { "rm -rf /tmp/x" }, metadata = {}, always = {} })
    opts.onText("Answer: " .. tostring(answer) .. "\n", "")
    return done("Answer: " .. tostring(answer))
  elseif prompt == "slow" then
    opts.onText("Thinking hard\n", "")
    wait(30)
    return done("never")
  elseif prompt == "fail" then
    return nil, "The fake failed: set opencc.fake to fix it.", { kind = "server", message = "x" }
  end
  if opts.onText then opts.onText("echo: " .. prompt .. "\n", "") end
  return done("echo: " .. prompt)
end

function M.protect(fn)
  local ok, r = pcall(fn)
  if ok then return r end
  if r == "Terminated" then error(r, 0) end
  return nil, tostring(r), { kind = "server", message = tostring(r) }
end

function M.client()
  return setmetatable({}, { __index = function() return function() error("fake: no server", 0) end end })
end
-- The validated settings, as libai's config() gives them: the fields ai reads.
function M.config()
  return { url = "http://127.0.0.1:4096", password = "", agent = "", model = "", bridgeUrl = "", bridgeToken = "", tools = "read" }
end
function M.plainHttpWarning() return M.warning end
function M.checkUrl()
  if not http then
    local msg = "The http API is disabled: set enabled = true under [http] in the world's serverconfig/computercraft-server.toml, then restart the server."
    return nil, msg, { kind = "http_disabled", message = msg }
  end
  return true
end
function M.agents() return { "build", "plan" } end
function M.models() return { "fake/fake-model" } end
function M.forgetConversation() end
function M.sessionInUse(session) return session end
function M.checkNames() return true end

return M
