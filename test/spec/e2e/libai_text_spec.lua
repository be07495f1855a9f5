-- Text between the server's UTF-8 and the CC terminal charset, both ways, against the real
-- server: the fake model's log shows what the server received; the reply shows what CC gets.
-- Mirrors CC: Tweaked 1.109+, where the terminal and typed text are ISO-8859-1 bytes.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

describe("libai text (e2e)", function()
  local pc
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("maps a UTF-8 reply to the CC charset: Latin-1 kept, near glyphs, ? for the rest", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      local text = ai.ask("[unicode] show me")
      local bytes = {}
      for i = 1, #text do bytes[i] = text:byte(i) end
      return { text = text, bytes = bytes }
    ]])
    -- Caf\233 "quoted" - wait... \7 item \26 next ? -- done
    local expected = "Caf" .. string.char(233) .. ' "quoted" - wait... ' .. string.char(7) .. " item "
      .. string.char(26) .. " next ? -- done"
    assert.are.equal(expected, out.text)
  end)

  it("gives the server's UTF-8 untouched with raw = true", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      return { text = (ai.ask("[unicode] raw please", { raw = true })) }
    ]])
    assert.are.equal("Caf\195\169 \226\128\156quoted\226\128\157 \226\128\148 wait\226\128\166 \226\128\162 item \226\134\146 next \240\159\152\128 \226\148\128\226\148\128 done", out.text)
  end)

  it("sends text typed on CC (ISO-8859-1 bytes) as the right characters", function()
    local token = H.token("latin1")
    -- "café à 50°" as a CC computer has it: one byte per character
    local typed = "caf" .. string.char(233) .. " " .. string.char(224) .. " 50" .. string.char(176) .. " " .. token
    local out = H.run(pc, [[
      local ai = require("libai")
      return { text = (ai.ask("[reply:ok] " .. ...)) }
    ]], typed)
    assert.are.equal("ok", out.text)
    local log = servers.modelLog(token)
    assert.are.equal(1, #log)
    assert.truthy(log[1].text:find("caf\195\169 \195\160 50\194\176 " .. token, 1, true))
  end)

  it("sends a UTF-8 prompt unchanged with utf8 = true (for chat bridges)", function()
    local token = H.token("utf8")
    local out = H.run(pc, [[
      local ai = require("libai")
      return { text = (ai.ask("[reply:ok] \226\128\156hi\226\128\157 \240\159\152\128 " .. ..., { utf8 = true })) }
    ]], token)
    assert.are.equal("ok", out.text)
    local log = servers.modelLog(token)
    assert.truthy(log[1].text:find("\226\128\156hi\226\128\157 \240\159\152\128 " .. token, 1, true))
  end)

  it("exposes the mapping both ways as ai.toCC and ai.fromCC", function()
    local out = H.run(pc, [[
      local ai = require("libai")
      return { to = ai.toCC("\226\128\148 caf\195\169 \226\128\166"), from = ai.fromCC("caf" .. string.char(233)) }
    ]])
    assert.are.equal("- caf" .. string.char(233) .. " ...", out.to)
    assert.are.equal("caf\195\169", out.from)
  end)
end)
