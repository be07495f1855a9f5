-- Mirrors CC: Tweaked's rom/apis/textutils.lua: serialise layout, JSON escaping
-- (\u00XX for control chars and bytes >= 0x7F), json_null / empty_json_array,
-- parse_null / parse_empty_array, "Malformed JSON" errors, urlEncode, pagedPrint.
local H = require("test.spec.ccenv.helper")

describe("ccenv textutils", function()
  local pc, tu
  before_each(function() pc = H.computer(); tu = pc.env.textutils end)
  after_each(function() pc:destroy() end)

  it("serialises like CC", function()
    assert.are.equal('{\n  1,\n  "two",\n  key = true,\n}', tu.serialise({ 1, "two", key = true }))
    assert.are.equal('{\n  [ "a b" ] = {\n    [ 5 ] = false,\n  },\n}', tu.serialise({ ["a b"] = { [5] = false } }))
    assert.are.equal('{1,2,x=3,}', tu.serialise({ 1, 2, x = 3 }, { compact = true }))
    assert.are.equal('"a\\"b\\\nc"', tu.serialise('a"b\nc'))
    local t = {}
    assert.has_error(function() tu.serialise({ t, t }) end, "Cannot serialize table with repeated entries")
    assert.has_error(function() tu.serialise(print) end, "Cannot serialize type function")
    assert.are.same({ a = { 1, 2 } }, tu.unserialise(tu.serialise({ a = { 1, 2 } })))
    -- control characters followed by digits, and backslashes followed by digits, round-trip
    local tricky = "x\26 6\0261\7" .. "\\1"
    assert.are.equal(tricky, tu.unserialise(tu.serialise(tricky)))
  end)

  it("escapes JSON strings as CC does", function()
    assert.are.equal('"a\\"b\\\\c\\n\\u0001\\u007F\\u00E9"', tu.serialiseJSON('a"b\\c\n\1\127\233'))
    assert.are.equal('"\\u00C3\\u00A9"', tu.serialiseJSON("\195\169")) -- bytes, not characters
    assert.are.equal('"\\u00E9"', tu.serialiseJSON("\195\169", { unicode_strings = true }))
    assert.are.equal('[1,2,null,4]', tu.serialiseJSON({ 1, 2, nil, 4 }))
    assert.are.equal('{}', tu.serialiseJSON({}))
    assert.are.equal('[]', tu.serialiseJSON(tu.empty_json_array))
    assert.are.equal('{"a":null}', tu.serialiseJSON({ a = tu.json_null }))
  end)

  it("parses JSON with CC's null and empty array rules", function()
    local v = tu.unserialiseJSON('{"a": null, "b": [], "c": "\\u00e9\\n", "d": [1, 2.5, true]}')
    assert.is_nil(v.a)
    assert.are.equal(tu.empty_json_array, v.b)
    assert.are.equal("\195\169\n", v.c)
    assert.are.same({ 1, 2.5, true }, v.d)
    assert.are.equal(tu.json_null, tu.unserialiseJSON('{"a": null}', { parse_null = true }).a)
    assert.are.same({}, tu.unserialiseJSON('[]', { parse_empty_array = false }))
    local nope, err = tu.unserialiseJSON('{"a": 1,}')
    assert.is_nil(nope)
    assert.are.equal("Malformed JSON at position 9: Unexpected \"}\", expected object key.", err)
    local _, err2 = tu.unserialiseJSON('[1] x')
    assert.are.equal("Malformed JSON at position 5: Unexpected trailing character \"x\".", err2)
  end)

  it("urlEncodes like CC", function()
    assert.are.equal("a+b%26c%3Dd%0D%0A%C3%A9", tu.urlEncode("a b&c=d\n\233"))
  end)

  it("formats times", function()
    assert.are.equal("1:30 PM", tu.formatTime(13.5))
    assert.are.equal("12:00 AM", tu.formatTime(0))
    assert.are.equal("13:30", tu.formatTime(13.5, true))
  end)

  it("pagedPrint waits for a key before scrolling past the screen", function()
    local small = H.computer({ width = 30, height = 4, timeout = 10 })
    small:writeFile("paged.lua", "textutils.pagedPrint('1\\n2\\n3\\n4\\n5\\n6') print('done')")
    local prompts = 0
    local function arm()
      small:when(function() return small:screenLines()[4] == "Press any key to continue" end, function()
        prompts = prompts + 1
        small:queueEvent("key", small.env.keys.space)
        if prompts < 3 then arm() end -- lines 4, 5 and 6 each scroll past a full screen
      end)
    end
    arm()
    local r = small:run("paged.lua")
    local lines = small:screenLines()
    small:destroy()
    assert.is_true(r.ok, r.error)
    assert.are.equal(3, prompts)
    assert.are.same({ "5", "6", "done", "" }, lines)
  end)
end)
