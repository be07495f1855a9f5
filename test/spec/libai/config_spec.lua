-- The opencc.* settings, as `set` and programs see them once libai is loaded (no server needed:
-- a bad setting is caught before any request). Mirrors CC's settings API: define() gives `set`
-- a description, a type it checks, and a default.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")

local function computer(settings)
  local pc = ccenv.new({ width = 51, height = 19 })
  pc:copyIn("build/libai.lua", "libai.lua")
  local lines = { "{" }
  for k, v in pairs(settings or {}) do
    lines[#lines + 1] = ("  [ %q ] = %s,"):format(k, type(v) == "string" and ("%q"):format(v) or tostring(v))
  end
  lines[#lines + 1] = "}"
  pc:writeFile(".settings", table.concat(lines, "\n"))
  return pc
end

local function ask(pc)
  local ok, text, msg, err = pc:call(function()
    local ai = pc.env.require("libai")
    return ai.ask("hello")
  end)
  assert.is_true(ok, tostring(text))
  return text, msg, err
end

describe("libai settings", function()
  local pc
  after_each(function() pc:destroy() end)

  it("defines every opencc.* setting with a description, a type and a default", function()
    pc = computer()
    local ok, details = pc:call(function()
      pc.env.require("libai")
      local out = {}
      for _, name in ipairs({ "server_url", "username", "password", "session_id", "agent", "model",
                              "variant", "directory", "timeout", "poll_interval" }) do
        out[name] = pc.env.settings.getDetails("opencc." .. name)
      end
      return out
    end)
    assert.is_true(ok)
    for name, d in pairs(details) do
      assert.truthy(d.description and #d.description > 10, name)
      assert.truthy(d.type, name)
      assert.is_not_nil(d.default, name)
    end
    assert.are.equal("http://127.0.0.1:4096", details.server_url.default)
    assert.are.equal("opencode", details.username.default)
    assert.are.equal("number", details.timeout.type)
    assert.are.equal(300, details.timeout.default)
    assert.are.equal(0.5, details.poll_interval.default)
  end)

  it("lets settings.set refuse a value of the wrong type, as `set` does", function()
    pc = computer()
    local ok, err = pc:call(function()
      pc.env.require("libai")
      pc.env.settings.set("opencc.timeout", "soon")
    end)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("number", 1, true))
  end)

  it("reports a URL that is not http(s) in one line naming the setting and the fix", function()
    pc = computer({ ["opencc.server_url"] = "ftp://example.com" })
    local text, msg, err = ask(pc)
    assert.is_nil(text)
    assert.are.equal("bad_setting", err.kind)
    assert.are.equal('opencc.server_url "ftp://example.com" is not an http(s) URL: set opencc.server_url http://host:4096', msg)
  end)

  it("reports a negative timeout", function()
    pc = computer({ ["opencc.timeout"] = -5 })
    local _, msg = ask(pc)
    assert.are.equal("opencc.timeout must be a positive number of seconds, not -5: set opencc.timeout 300", msg)
  end)

  it("reports a model without a provider", function()
    pc = computer({ ["opencc.model"] = "gpt-4" })
    local _, msg = ask(pc)
    assert.are.equal('opencc.model "gpt-4" has no provider: set opencc.model provider/model (e.g. anthropic/claude-sonnet-4)', msg)
  end)

  it("reports a session id that is not one", function()
    pc = computer({ ["opencc.session_id"] = "abc123" })
    local _, msg = ask(pc)
    assert.are.equal('opencc.session_id "abc123" is not a session id (ses_...): ai --sessions lists them', msg)
  end)

  it("says the http API is disabled, and how to enable it", function()
    pc = ccenv.new({ http = false })
    pc:copyIn("build/libai.lua", "libai.lua")
    local _, msg, err = ask(pc)
    assert.are.equal("http_disabled", err.kind)
    assert.truthy(msg:find("set enabled = true under [http]", 1, true))
  end)

  it("says which rule to change when CC blocks a private address", function()
    pc = ccenv.new({ denyPrivate = true })
    pc:copyIn("build/libai.lua", "libai.lua")
    local _, msg, err = ask(pc)
    assert.are.equal("blocked", err.kind)
    assert.truthy(msg:find('CC blocks 127.0.0.1 ("Domain not permitted")', 1, true))
    assert.truthy(msg:find('[[http.rules]] entry with host = "127.0.0.1" and action = "allow"', 1, true))
  end)
end)
