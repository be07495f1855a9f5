-- aichat's parts that need no server, run inside a ccenv computer from the built bundle
-- (build/aichat.lua): reading chat messages, markdown to spans, chat-sized splitting, the JSON
-- text component, and the size-capped log file.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local dkjson = require("dkjson")

-- The bundle's modules through its seam (called with a table, a bundle hands back its require),
-- as the installer's startup file reaches them.
local PRELUDE = [[
local f = fs.open("/aichat.lua", "r")
local src = f.readAll()
f.close()
local modules = load(src, "@aichat.lua", "t", setmetatable({ require = require }, { __index = _G }))({})
]]

local pc

--- Runs `body` (Lua, with `modules` the bundle's require) on the computer; returns its results.
local function run(body)
  pc:writeFile("prog.lua", "local __r = { (function()\n" .. PRELUDE .. body .. "\nend)() }\n"
    .. "local f = fs.open('/out.txt', 'w') f.write(textutils.serialise(__r)) f.close()")
  local r = pc:run("prog.lua")
  assert.is_true(r.ok, r.error)
  return assert((loadstring or load)("return " .. pc:readFile("/out.txt")))()
end

describe("aichat parts", function()
  before_each(function()
    pc = ccenv.new({})
    pc:copyIn("build/aichat.lua", "aichat.lua")
    pc:copyIn("build/libai.lua", "libai.lua")
  end)
  after_each(function() pc:destroy() end)

  it("reads prompts and commands after the prefix, and hidden $ai messages", function()
    local r = run([[
      local parse = modules("parse").parseChat
      local cfg = { prefix = "@ai", word = "ai" }
      local function p(m, hidden) return parse(m, hidden == true, cfg) or "none" end
      return p("@ai how do I smelt iron?"), p("@AI  new "), p("@ai 2"), p("@ai"), p("@aihello"),
        p("ai hello", false), p("ai hello", true), p("$ai hello", true), p("hi @ai", false)
    ]])
    assert.are.same({ text = "how do I smelt iron?", hidden = false }, r[1])
    assert.are.same({ command = "new", text = "new", hidden = false }, r[2])
    assert.are.same({ command = "pick", pick = 2, text = "2", hidden = false }, r[3])
    assert.are.same({ command = "help", text = "", hidden = false }, r[4])
    assert.are.equal("none", r[5])
    assert.are.equal("none", r[6])
    assert.are.same({ text = "hello", hidden = true }, r[7])
    assert.are.same({ text = "hello", hidden = true }, r[8])
    assert.are.equal("none", r[9])
  end)

  it("turns light markdown into styled spans", function()
    local r = run([[
      local md = modules("markdown")
      return md.parseMarkdown("# Title\n\nSome **bold**, *italic*, `code` and a [link](https://x.io/a).\n"
        .. "Keep snake_case_names and 2*3*4 as they are.\n\n- item\n\n```\nlocal x = 1\n```")
    ]])[1]
    assert.are.same({ { { text = "Title", bold = true, color = "gold" } } }, r[1])
    assert.are.same({
      { text = "Some " }, { text = "bold", bold = true }, { text = ", " }, { text = "italic", italic = true },
      { text = ", " }, { text = "code", color = "aqua" }, { text = " and a " },
      { text = "link", color = "blue", url = "https://x.io/a" }, { text = "." },
    }, r[2][1])
    assert.are.same({ { text = "Keep snake_case_names and 2*3*4 as they are." } }, r[2][2])
    assert.are.same({ { { text = "\226\128\162 " }, { text = "item" } } }, r[3])
    assert.are.same({ { { text = "local x = 1", color = "aqua" } } }, r[4])
  end)

  it("splits at paragraphs first, then sentences, never past the size, losing no text", function()
    local r = run([[
      local md = modules("markdown")
      local split = modules("split").splitMessages
      local para = {}
      for i = 1, 12 do para[#para + 1] = "Sentence number " .. i .. " is here." end
      local text = "Short first paragraph.\n\n" .. table.concat(para, " ") .. "\n\nLast one."
      local out = {}
      for _, m in ipairs(split(md.parseMarkdown(text), 100)) do
        local lines = {}
        for _, line in ipairs(m) do
          local s = {}
          for _, span in ipairs(line) do s[#s + 1] = span.text end
          lines[#lines + 1] = table.concat(s)
        end
        out[#out + 1] = table.concat(lines, "\n")
      end
      return out
    ]])[1]
    assert.are.equal("Short first paragraph.", r[1])
    for i = 2, #r do
      assert.truthy(#r[i] <= 100, r[i])
      assert.truthy(r[i]:find("%.$"), "not cut at a sentence end: " .. r[i])
    end
    -- the last paragraph fits beside the end of the long one: paragraphs are packed
    assert.truthy(r[#r]:find("\nLast one%.$"), r[#r])
    local want = {}
    for i = 1, 12 do want[#want + 1] = "Sentence number " .. i .. " is here." end
    assert.are.equal(table.concat(want, " ") .. "\nLast one.", table.concat(r, " ", 2, #r))
  end)

  it("writes components as ASCII JSON that decodes to the original UTF-8 text", function()
    local r = run([[
      local c = modules("component")
      return c.componentJson({ { { text = 'say "hi" \\ caf\195\169 \240\159\152\128', bold = true } },
        { { text = "next line", url = "http://example.com" } } })
    ]])[1]
    assert.falsy(r:find("[\128-\255]"), r)
    assert.truthy(r:find("\\u00e9", 1, true), r)
    assert.truthy(r:find("\\ud83d\\ude00", 1, true), r)
    local value = dkjson.decode(r)
    assert.are.same({
      text = "",
      extra = {
        { text = 'say "hi" \\ caf\195\169 \240\159\152\128', bold = true },
        { text = "\n" },
        { text = "next line", color = nil, underlined = true, clickEvent = { action = "open_url", value = "http://example.com" } },
      },
    }, value)
  end)

  it("keeps the log file under its size, the older lines in .old", function()
    local r = run([[
      local log = modules("log")
      for i = 1, 1200 do log.logPrompt("Player" .. i, 40, 1.5, "ok", false) end
      return fs.getSize(log.LOG_FILE), fs.getSize(log.LOG_FILE .. ".old"), log.LOG_BYTES
    ]])
    assert.truthy(r[1] <= r[3], r[1] .. " bytes")
    assert.truthy(r[2] <= r[3], r[2] .. " bytes")
    assert.truthy(pc:readFile("/aichat.log"):find("Player1200 40 ch 1.5 s ok", 1, true))
  end)
end)
