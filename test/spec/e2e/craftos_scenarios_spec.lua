-- The CraftOS-PC scenarios (test/craftos/scenarios.lua, run inside CraftOS-PC by
-- test/craftos/run.sh when CRAFTOS_PC is set) also run here, in the host CC environment, so the
-- scenario script itself is checked on every run. Mirrors CraftOS-PC's os.shutdown(code), whose
-- code becomes the emulator's exit status.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local servers = require("support.servers")

describe("CraftOS-PC scenarios, in the host CC environment", function()
  it("all pass and shut the computer down with code 0", function()
    local pc = servers.newComputer({ id = math.random(1000, 900000), files = {
      ["scenario-urls.lua"] = ("return { dead = %q }"):format(servers.deadUrl),
    } })
    pc:copyIn("test/craftos/scenarios.lua", "scenarios.lua")
    local r = pc:run("scenarios.lua")
    local transcript = pc:transcript()
    pc:destroy()
    assert.are.equal(0, r.shutdown, transcript)
    assert.truthy(transcript:find("4 scenarios, 0 failed", 1, true), transcript)
    assert.is_nil(transcript:find("FAIL", 1, true), transcript)
  end)
end)
