-- src/ai/render.ts: the streaming markdown printer, on a virtual CC screen (text and colours).
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

local BULLET, BAR = "\7", string.char(149)

describe("ReplyPrinter", function()
  local pc, render

  local function setup(opts)
    pc = ccenv.new({ width = opts.width or 51, height = opts.height or 19, colour = opts.colour ~= false })
    render = T.load(pc.env)("render")
  end
  after_each(function() if pc then pc:destroy() end pc = nil end)

  -- prints `pieces` (a string or a list of deltas) with a new printer; returns the number of
  -- screen lines it drew (term.blit calls: a colour printer draws each line with one)
  local function show(pieces, opts)
    local term = pc.env.term
    local blit, lines = term.blit, 0
    term.blit = function(...) lines = lines + 1 return blit(...) end
    local ok, err = pc:call(function()
      local w, h = term.getSize()
      local p = T.new(render.ReplyPrinter, { colour = term.isColour(), paged = opts.paged == true, width = w, height = h })
      if type(pieces) == "string" then pieces = { pieces } end
      for _, d in ipairs(pieces) do p:push(d) end
      p:finish()
    end)
    term.blit = blit
    assert(ok, err)
    return lines
  end

  local function fg(y) return (pc:lineColours(y)) end

  local REPLY = table.concat({
    "",
    "# Osmium",
    "Mine **osmium ore** with an `iron pickaxe`, see [the wiki](https://wiki.example/osmium).",
    "",
    "",
    "- first step",
    "2. second step",
    "> a quote",
    "```lua",
    "local x = 1 -- a code line that is longer than the screen is wide, clipped",
    "```",
    "---",
    "The *end*.",
  }, "\n")

  it("renders light markdown in colours on a colour terminal", function()
    setup({})
    local n = show(REPLY, {})
    local lines = pc:screenLines()
    assert.are.equal("Osmium", lines[1])
    assert.are.equal("Mine osmium ore with an iron pickaxe, see the wiki.", lines[2])
    assert.are.equal("", lines[3]) -- two blank lines became one; the leading one is dropped
    assert.are.equal(BULLET .. " first step", lines[4])
    assert.are.equal("2. second step", lines[5])
    assert.are.equal(BAR .. " a quote", lines[6])
    assert.are.equal(("local x = 1 -- a code line that is longer than the screen is wide, clipped"):sub(1, 51):gsub(" $", ""), lines[7])
    assert.are.equal(("-"):rep(51), lines[8])
    assert.are.equal("The end.", lines[9])
    assert.are.equal("", lines[10])
    assert.are.equal(9, n)
    -- colours: heading yellow, bold orange, code light blue, link cyan, quote grey, code block light blue
    assert.are.equal(("4"):rep(6), fg(1):sub(1, 6))
    local l2 = fg(2)
    assert.are.equal("00000" .. ("1"):rep(10) .. "000000000" .. ("3"):rep(12) .. "000000" .. ("9"):rep(8) .. "0", l2:sub(1, 51))
    assert.are.equal("77" .. ("8"):rep(7), fg(6):sub(1, 9))
    assert.are.equal(("3"):rep(51), fg(7))
    assert.are.equal(("7"):rep(51), fg(8))
    assert.are.equal(("0"):rep(51), fg(9))
    -- the cursor ends at the start of the line below, as after print
    assert.are.same({ 1, 10 }, { pc:cursor() })
  end)

  it("shows the same layout without colours on a monochrome terminal", function()
    setup({ colour = false })
    show(REPLY, {})
    local lines = pc:screenLines()
    assert.are.equal("Osmium", lines[1])
    assert.are.equal("Mine osmium ore with an iron pickaxe, see the wiki.", lines[2])
    assert.are.equal(BULLET .. " first step", lines[4])
    assert.are.equal(BAR .. " a quote", lines[6])
    for y = 1, 19 do assert.are.equal(("0"):rep(51), fg(y)) end
  end)

  it("wraps words to the width with a hanging indent for list items", function()
    setup({ width = 20, height = 19 })
    local n = show("A sentence with several words that must wrap nicely.\n- a list item that wraps onto more lines\n"
      .. "abcdefghijklmnopqrstuvwxyz0123", {})
    assert.are.same({
      "A sentence with",
      "several words that",
      "must wrap nicely.",
      BULLET .. " a list item that",
      "  wraps onto more",
      "  lines",
      "abcdefghijklmnopqrst",
      "uvwxyz0123",
    }, { (table.unpack or unpack)(pc:screenLines(), 1, 8) })
    assert.are.equal(8, n)
  end)

  it("prints the same when the text arrives in pieces", function()
    setup({})
    local pieces = {}
    for i = 1, #REPLY, 3 do pieces[#pieces + 1] = REPLY:sub(i, i + 2) end
    show(pieces, {})
    local whole = pc:screenText()
    local colours = {}
    for y = 1, 19 do colours[y] = fg(y) end
    pc:destroy()
    setup({})
    show(REPLY, {})
    assert.are.equal(whole, pc:screenText())
    for y = 1, 19 do assert.are.equal(colours[y], fg(y)) end
  end)

  it("previews an incomplete line as it grows, plain, and prints it styled once it is complete", function()
    setup({ width = 20 })
    local ok, err = pc:call(function()
      local p = T.new(render.ReplyPrinter, { colour = true, paged = false, width = 20, height = 19 })
      p:push("Hello **wor")
      assert(pc:screenText() == "Hello **wor", pc:screenText())
      p:push("ld** and more words")
      -- wrapped at the width, the markdown still as written
      assert(pc:screenText() == "Hello **world** and\nmore words", pc:screenText())
      p:push("\nNext")
      assert(pc:screenText() == "Hello world and more\nwords\nNext", pc:screenText())
      p:finish()
      assert(pc:screenText() == "Hello world and more\nwords\nNext", pc:screenText())
    end)
    assert(ok, err)
  end)

  it("takes the preview down before other output (a tool line), and shows it again below", function()
    setup({ width = 20 })
    local ok, err = pc:call(function()
      local p = T.new(render.ReplyPrinter, { colour = true, paged = false, width = 20, height = 19 })
      p:push("Let me dig")
      p:hold()
      pc.env.print("> turtle: dig")
      p:push(" it.\nDone")
      p:finish()
      assert(pc:screenText() == "> turtle: dig\nLet me dig it.\nDone", pc:screenText())
    end)
    assert(ok, err)
  end)

  it("previews no more of a line than the pager lets scroll", function()
    setup({ width = 10, height = 5 })
    local ok, err = pc:call(function()
      local p = T.new(render.ReplyPrinter, { colour = true, paged = true, width = 10, height = 5 })
      p:push("one two three four five six seven")
      assert(pc:screenText() == "", "a preview of five rows on a screen of five: " .. pc:screenText())
      p:push("\n")
      p:finish()
    end)
    assert(ok, err)
  end)

  it("pages a long reply like textutils.pagedPrint, waiting for a key", function()
    setup({ width = 30, height = 10 })
    local text = {}
    for i = 1, 25 do text[i] = "line " .. i end
    local prompts = 0
    local function onPrompt()
      pc:when(function() return pc:screenLines()[10] == "Press any key to continue" end, function()
        prompts = prompts + 1
        -- the prompt is on the bottom line, the page above it
        local lines = pc:screenLines()
        assert(lines[9] == "line " .. (prompts * 9), lines[9])
        pc:queueEvent("key", pc.env.keys.enter, false)
        onPrompt()
      end)
    end
    onPrompt()
    local pieces = {}
    for i = 1, 25 do pieces[i] = text[i] .. "\n" end
    local n = show(pieces, { paged = true })
    assert.are.equal(25, n)
    assert.are.equal(2, prompts)
    local lines = pc:screenLines()
    assert.are.equal("line 25", lines[9])
    assert.are.equal("", lines[10])
  end)

  it("does not page when paging is off", function()
    setup({ width = 30, height = 10 })
    local text = {}
    for i = 1, 25 do text[i] = "line " .. i end
    show(table.concat(text, "\n"), { paged = false })
    assert.are.equal("line 25", pc:screenLines()[9])
    assert.is_nil(pc:transcript():find("Press any key", 1, true))
  end)
end)
