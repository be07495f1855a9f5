-- src/libai/text.ts, json.ts and transport.ts's base64, loaded alone from build/libai.lua: the CC
-- charset both ways, JSON both ways through CC's textutils, and Basic Auth's base64.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

describe("text, json and base64", function()
  local pc, modules
  before_each(function()
    pc = ccenv.new({})
    modules = T.load(pc.env, "build/libai.lua")
  end)
  after_each(function() pc:destroy() end)

  it("maps UTF-8 to the CC charset: ISO-8859-1 kept, near glyphs, '?' for the rest", function()
    local text = modules("text")
    assert.are.equal("plain ascii", text.toCC("plain ascii"))
    assert.are.equal("Caf\233 \"quoted\" - wait... \7 item \26 next ? -- done",
      text.toCC("Caf\195\169 \226\128\156quoted\226\128\157 \226\128\148 wait\226\128\166 \226\128\162 item \226\134\146 next \240\159\152\128 \226\148\128\226\148\128 done"))
    assert.are.equal("a?b", text.toCC("a\255b")) -- a byte that is not UTF-8
  end)

  it("maps the CC charset (typed text) to UTF-8, and back for every byte from 0xA1 (0xA0, a no-break space, shows as a space)", function()
    local text = modules("text")
    assert.are.equal("Caf\195\169", text.fromCC("Caf\233"))
    for b = 0xA1, 0xFF do
      assert.are.equal(string.char(b), text.toCC(text.fromCC(string.char(b))))
    end
  end)

  it("encodes JSON with CC's serialiseJSON: typed text as ISO-8859-1, bridge text as UTF-8", function()
    local json = modules("json")
    local decode = pc.env.textutils.unserialiseJSON
    local latin1 = json.encodeJSON({ text = "Caf\233 \"x\"\n" }, "latin1")
    assert.are.equal("Caf\195\169 \"x\"\n", decode(latin1).text)
    local utf8 = json.encodeJSON({ text = "Caf\195\169 \226\128\148" }, "utf8")
    assert.are.equal("Caf\195\169 \226\128\148", decode(utf8).text)
    assert.are.equal(1, decode(json.encodeJSON({ n = 1 })).n)
    assert.is_nil(json.decodeJSON("<html>"))
  end)

  it("encodes UTF-8 on a CC before 1.106 too, whose serialiseJSON refuses the options table", function()
    local real = pc.env.textutils.serialiseJSON
    pc.env.textutils.serialiseJSON = function(t, nbt)
      if nbt ~= nil and type(nbt) ~= "boolean" then error("bad argument #2 (boolean expected, got table)", 2) end
      return real(t, nbt)
    end
    finally(function() pc.env.textutils.serialiseJSON = real end)
    local json = modules("json")
    local s = "Caf\195\169 \226\128\148 and a typed \\u00e9"
    local encoded = json.encodeJSON({ text = s }, "utf8")
    assert.are.equal(s, pc.env.textutils.unserialiseJSON(encoded).text)
  end)

  it("encodes Basic Auth credentials in base64", function()
    local base64 = modules("transport").base64
    assert.are.equal("", base64(""))
    assert.are.equal("Zg==", base64("f"))
    assert.are.equal("Zm8=", base64("fo"))
    assert.are.equal("Zm9v", base64("foo"))
    assert.are.equal("b3BlbmNvZGU6c+ljcmV0", base64("opencode:s\233cret"))
  end)
end)
