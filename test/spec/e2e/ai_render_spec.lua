-- How `ai` shows a reply from the real server: light markdown in colour, readable plain text in
-- monochrome, and paging of long replies (the way textutils.pagedPrint pages: "Press any key to
-- continue" after a screenful, then a key event). Mirrors CC's blit colours: 0 white,
-- 3 lightBlue, 4 yellow, 1 orange.
local servers = require("support.servers")

local function computer(opts)
  local pc = servers.newComputer(opts)
  finally(function() pc:destroy() end)
  return pc
end

local function lineWith(pc, needle)
  for y, line in ipairs(pc:screenLines()) do
    if line:find(needle, 1, true) then return y, line end
  end
end

describe("ai showing a markdown reply", function()
  it("renders headings, bold, inline code, code blocks, lists and links in colour", function()
    local pc = computer({ colour = true })
    local r = pc:run("ai.lua", "-s", servers.newSession(), "[markdown] show me")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    assert.is_nil(screen:find("#", 1, true), screen)
    assert.is_nil(screen:find("**", 1, true), screen)
    assert.is_nil(screen:find("`", 1, true), screen)
    assert.is_nil(screen:find("http://example.com", 1, true), screen)

    local y = assert(lineWith(pc, "Fake heading"), screen)
    assert.are.equal("Fake heading", pc:screenLines()[y])
    assert.are.equal(string.rep("4", #"Fake heading"), (pc:lineColours(y)):sub(1, #"Fake heading"))

    local by, bline = lineWith(pc, "Some bold text and inline code.")
    assert.truthy(by, screen)
    local fg = pc:lineColours(by)
    local b = bline:find("bold", 1, true)
    local c = bline:find("inline code", 1, true)
    assert.are_not.equal("0", fg:sub(b, b))
    assert.are.equal("3", fg:sub(c, c))
    assert.are.equal("0", fg:sub(1, 1))

    local cy = assert(lineWith(pc, 'print("hello from lua")'), screen)
    assert.are.equal("3", (pc:lineColours(cy)):sub(1, 1))

    assert.truthy(lineWith(pc, "\7 first item"), screen)
    assert.truthy(lineWith(pc, "\7 second item"), screen)
    assert.truthy(lineWith(pc, "See link."), screen)
  end)

  it("shows the same text readably on a monochrome terminal, in white", function()
    local pc = computer({ colour = false })
    local r = pc:run("ai.lua", "-s", servers.newSession(), "[markdown] show me")
    assert.is_true(r.ok, r.error)
    local screen = pc:screenText()
    for _, needle in ipairs({ "Fake heading", "Some bold text and inline code.", 'print("hello from lua")',
                              "\7 first item", "See link." }) do
      local y = lineWith(pc, needle)
      assert.truthy(y, needle .. " in\n" .. screen)
      local fg = pc:lineColours(y)
      assert.truthy(fg:match("^0+$"), needle .. ": " .. fg)
    end
  end)
end)

describe("ai showing a long reply", function()
  it("pages it: waits for a key after a screenful, then shows the rest", function()
    local pc = computer({ width = 51, height = 19 })
    local pages = 0
    local function waitForPage()
      pc:when(function() return pc:screenText():find("Press any key to continue", 1, true) ~= nil end, function()
        pages = pages + 1
        -- what the player sees before pressing a key: the start of the reply, not yet the end
        assert.truthy(pc:screenText():find("Line 1\n", 1, true) or pages > 1)
        assert.is_nil(pc:screenText():find("Line 40", 1, true))
        pc:queueEvent("key", 57, false)
        if pages < 3 then waitForPage() end
      end)
    end
    waitForPage()
    local r = pc:run("ai.lua", "-s", servers.newSession(), "[long:40] count")
    assert.is_true(r.ok, r.error)
    assert.is_true(pages >= 2)
    local screen = pc:screenText()
    assert.truthy(screen:find("Line 40", 1, true), screen)
    assert.is_nil(screen:find("Press any key", 1, true), screen)
  end)

  it("does not page when opencc.paged is false", function()
    local pc = computer({ width = 51, height = 19, settings = { ["opencc.paged"] = false } })
    local r = pc:run("ai.lua", "-s", servers.newSession(), "[long:40] count")
    assert.is_true(r.ok, r.error)
    assert.is_nil(pc:transcript():find("Press any key", 1, true))
    assert.truthy(pc:screenText():find("Line 40", 1, true))
  end)
end)
