-- src/ai/complete.ts and chat.ts: shell and chat tab completion, with agents/models/sessions from
-- a cache file (src/ai/cache.ts: fetched once when missing; never an error when the server is down).
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

local function sorted(t) table.sort(t) return t end

describe("completion", function()
  local pc, complete, chatmod, cache, fake

  before_each(function()
    pc = ccenv.new({})
    fake = { fetches = 0, down = false }
    local client = {}
    function client:sessions()
      if fake.down then error("Could not reach the opencode server", 0) end
      return {
        { id = "ses_old", title = "a", time = { created = 1, updated = 1 } },
        { id = "ses_new", title = "b", time = { created = 2, updated = 5 } },
        { id = "ses_child", title = "c", parentID = "ses_new", time = { created = 3, updated = 9 } },
      }
    end
    local libai = {
      client = function() return client end,
      agents = function()
        fake.fetches = fake.fetches + 1
        if fake.down then error("Could not reach the opencode server", 0) end
        return { "build", "plan" }
      end,
      models = function() return { "anthropic/claude", "openai/gpt" } end,
    }
    local env
    env = setmetatable({
      require = function(name)
        if name == "libai" then return libai end
        if name:sub(1, 3) == "cc." then return pc.env.require(name) end
        error("unexpected require " .. name)
      end,
    }, { __index = pc.env })
    local modules = T.load(env)
    complete = modules("complete")
    chatmod = modules("chat")
    cache = modules("cache")
  end)
  after_each(function() pc:destroy() end)

  local function shell(partial, ...)
    local previous = { "ai", ... }
    local ok, r = pc:call(function() return complete.complete(pc.env.shell, #previous, partial, previous) end)
    assert(ok, r)
    return sorted(r)
  end
  local function chat(line)
    local ok, r = pc:call(function() return chatmod.completeChat(line) end)
    assert(ok, r)
    return sorted(r)
  end

  it("completes flags with a space after them", function()
    assert.are.same({ "erve ", "ession ", "essions ", "ubmit ", "ync " }, shell("--s"))
    assert.are.same({ " " }, shell("--raw"))
    assert.are.same(23, #shell("-"))
    assert.are.same({}, shell("how do I"))
    assert.are.same(0, fake.fetches)
  end)

  it("completes agents after -a/--agent, fetching once and caching in a file", function()
    assert.are.same({ "uild " }, shell("b", "-a"))
    assert.are.same({ "build ", "plan " }, shell("", "--agent"))
    assert.are.equal(1, fake.fetches)
    assert.is_true(pc:exists("/.opencc_cache"))
    -- models after -m, session ids (newest first, no child sessions) after -s and --delete
    assert.are.same({ "claude " }, shell("anthropic/", "-m"))
    assert.are.same({ "new ", "old " }, shell("ses_", "--delete"))
    assert.are.same({ "new ", "old " }, shell("ses_", "-n", "-s"))
    assert.are.equal(1, fake.fetches)
  end)

  it("gives nothing, without an error or a retry on every key, when the server is down", function()
    fake.down = true
    assert.are.same({}, shell("", "-a"))
    assert.are.same({}, shell("b", "-a"))
    assert.are.same({}, shell("", "-s"))
    assert.are.equal(1, fake.fetches)
    assert.is_false(pc:exists("/.opencc_cache"))
  end)

  it("uses the cache refreshCache wrote, without the network", function()
    local ok, err = pc:call(function() cache.refreshCache() end)
    assert(ok, err)
    fake.down = true
    assert.are.same({ "lan " }, shell("p", "-a"))
    assert.are.equal(1, fake.fetches)
  end)

  it("completes chat commands and their values", function()
    assert.are.same({ "bort", "gent " }, chat("/a"))
    assert.are.same({ "ession ", "essions" }, chat("/s"))
    assert.are.same({}, chat("hello"))
    assert.are.same({ "uild" }, chat("/agent b"))
    assert.are.same({ "gpt" }, chat("/model openai/"))
    assert.are.same({}, chat("/new x"))
  end)
end)
