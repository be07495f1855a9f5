-- Mirrors CC: Tweaked's rom/apis/window.lua (a window buffers its lines as text + blit colour
-- strings read back with getLine, clips writes, scrolls and clears with the current colours,
-- draws through to its parent only while visible, "Line is out of range.") and
-- rom/programs/advanced/multishell.lua (an advanced computer's programs run in a tab window over
-- the whole native terminal, so term.current() has getLine and the native screen shows it).
local H = require("test.spec.ccenv.helper")

describe("ccenv window", function()
  it("getLine gives back what was written, with its colours as blit characters", function()
    local pc = H.computer({ width = 10, height = 3 })
    finally(function() pc:destroy() end)
    local ok, text, fg, bg = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 1, 1, 6, 2)
      win.setTextColour(G.colours.red)
      win.setBackgroundColour(G.colours.blue)
      win.setCursorPos(2, 1)
      win.write("hi")
      win.blit("X", "4", "D")
      return win.getLine(1)
    end)
    assert.is_true(ok, text)
    assert.are.equal(" hiX  ", text)
    assert.are.equal("0ee400", fg)
    assert.are.equal("fbbdff", bg)
  end)

  it("draws through to its parent at its position, clipped to its size", function()
    local pc = H.computer({ width = 10, height = 4 })
    finally(function() pc:destroy() end)
    local ok, err = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 3, 2, 4, 2)
      win.write("abcdefgh")
      win.setCursorPos(-1, 2)
      win.write("xyz1")
    end)
    assert.is_true(ok, err)
    assert.are.same({ "", "  abcd", "  z1", "" }, pc:screenLines())
    -- the window's own colours reach the parent's cells: white on black
    assert.are.same({ "a", "0", "f" }, { pc:cell(3, 2) })
  end)

  it("scroll and clear fill with the current colours; the cursor stays put", function()
    local pc = H.computer({ width = 5, height = 3 })
    finally(function() pc:destroy() end)
    local ok, r = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 1, 1, 5, 3)
      for i = 1, 3 do
        win.setCursorPos(1, i)
        win.write("l" .. i)
      end
      win.setBackgroundColour(G.colours.green)
      win.scroll(1)
      local out = { lines = {}, cursor = { win.getCursorPos() } }
      for y = 1, 3 do out.lines[y] = { win.getLine(y) } end
      win.clear()
      out.cleared = { win.getLine(2) }
      return out
    end)
    assert.is_true(ok, r)
    assert.are.same({ "l2   ", "00000", "fffff" }, r.lines[1])
    assert.are.same({ "     ", "00000", "ddddd" }, r.lines[3])
    assert.are.same({ 3, 3 }, r.cursor)
    assert.are.same({ "     ", "00000", "ddddd" }, r.cleared)
    assert.are.same({ "", "", "" }, pc:screenLines())
  end)

  it("an invisible window only buffers; setVisible(true) paints it", function()
    local pc = H.computer({ width = 6, height = 2 })
    finally(function() pc:destroy() end)
    local seen = {}
    local ok, err = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 1, 1, 6, 2, false)
      win.write("hidden")
      seen.before = pc:screenLines()[1]
      seen.visible = win.isVisible()
      win.setVisible(true)
    end)
    assert.is_true(ok, err)
    assert.are.equal("", seen.before)
    assert.is_false(seen.visible)
    assert.are.equal("hidden", pc:screenLines()[1])
  end)

  it("raises CC's errors: a line out of range, term itself as the parent", function()
    local pc = H.computer({ width = 6, height = 2 })
    finally(function() pc:destroy() end)
    local ok, errs = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 1, 1, 6, 2)
      local _, e1 = pcall(win.getLine, 3)
      local _, e2 = pcall(G.window.create, G.term, 1, 1, 2, 2)
      local _, e3 = pcall(win.blit, "ab", "0", "ff")
      return { e1, e2, e3 }
    end)
    assert.is_true(ok, errs)
    assert.truthy(errs[1]:find("Line is out of range.", 1, true), errs[1])
    assert.truthy(errs[2]:find("term is not a recommended window parent", 1, true), errs[2])
    assert.truthy(errs[3]:find("Arguments must be the same length", 1, true), errs[3])
  end)

  it("reposition keeps the text that still fits and redraws at the new place", function()
    local pc = H.computer({ width = 8, height = 3 })
    finally(function() pc:destroy() end)
    local ok, line = pc:call(function()
      local G = pc.env
      local win = G.window.create(G.term.current(), 1, 1, 5, 1)
      win.write("abcde")
      G.term.clear()
      win.reposition(2, 3, 3, 2)
      return { win.getLine(1), win.getPosition() }
    end)
    assert.is_true(ok, line)
    assert.are.same({ "abc", 2, 3 }, line)
    assert.are.same({ "", "", " abc" }, pc:screenLines())
  end)

  it("multishell: a program's terminal is a window over the whole screen, holding earlier output", function()
    local pc = H.computer({ width = 12, height = 4, multishell = true })
    finally(function() pc:destroy() end)
    assert.is_true(H.runProgram(pc, "print('before')").ok)
    local ok, r = pc:call(function()
      local G = pc.env
      local t = G.term.current()
      return {
        isNative = t == G.term.native(),
        line = (t.getLine(1)),
        size = { t.getSize() },
        tabs = G.multishell.getCount(),
        -- term's own function (CC's term.lua), not one the window would lack
        native = { G.term.nativePaletteColour(G.colours.black) },
      }
    end)
    assert.is_true(ok, r)
    assert.is_false(r.isNative)
    assert.are.same({ 17 / 255, 17 / 255, 17 / 255 }, r.native) -- 0x111111, CC's black
    assert.are.equal("before      ", r.line)
    assert.are.same({ 12, 4 }, r.size)
    assert.are.equal(1, r.tabs)
    assert.are.equal("before", pc:screenText())
  end)

  it("without multishell a program writes to the native terminal, which has no getLine", function()
    local pc = H.computer({ width = 12, height = 4 })
    finally(function() pc:destroy() end)
    local ok, r = pc:call(function()
      local G = pc.env
      return { native = G.term.current() == G.term.native(), getLine = G.term.current().getLine, ms = G.multishell }
    end)
    assert.is_true(ok, r)
    assert.is_true(r.native)
    assert.is_nil(r.getLine)
    assert.is_nil(r.ms)
  end)
end)
