-- src/ai/flags.ts with ai's table (args.ts), loaded from build/ai.lua: parsing (flags only before
-- the prompt), the Usage lines, the help list and the names Tab offers, all from the one table.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local ccenv = require("ccenv")
local T = require("test.spec.ai.tstl_modules")

describe("ai's flag table", function()
  local pc, args, flags, commands
  before_each(function()
    pc = ccenv.new({})
    local fake = dofile("test/spec/ai/fake_libai.lua")
    local env
    env = setmetatable({
      require = function(name)
        if name == "libai" then return fake end
        return pc.env.require(name)
      end,
    }, { __index = pc.env })
    local modules = T.load(env)
    args, flags, commands = modules("args"), modules("flags"), modules("commands")
  end)
  after_each(function() pc:destroy() end)

  it("reads flags before the prompt, and everything from the first word on as the prompt", function()
    local o = args.parseArgs({ "-s", "ses_1", "--agent=plan", "-n", "what", "does", "rm", "-rf", "do", "-v" })
    assert.is_nil(o.error)
    assert.are.equal("ses_1", o.session)
    assert.are.equal("plan", o.agent)
    assert.is_true(o.newSession)
    assert.are.equal("what does rm -rf do -v", o.text)
    assert.are.equal(commands.askOnce, o.run)
    o = args.parseArgs({ "--", "-n", "is", "a", "word" })
    assert.are.equal("-n is a word", o.text)
    assert.is_false(o.newSession)
    o = args.parseArgs({ "-5", "+", "2" })
    assert.are.equal("-5 + 2", o.text)
  end)

  it("gives an action its value and, for the TUI texts, the words after it", function()
    local o = args.parseArgs({ "--toast", "Reactor", "at", "90%" })
    assert.is_nil(o.error)
    assert.are.equal("Reactor at 90%", o.text)
    o = args.parseArgs({ "--delete", "ses_1" })
    assert.are.equal("ses_1", o.text)
    assert.are.equal("--delete takes no prompt", args.parseArgs({ "--delete", "ses_1", "now" }).error)
    assert.is_nil(args.parseArgs({ "-v", "whatever" }).error)
  end)

  it("says what is wrong in one line", function()
    assert.are.equal("Unknown option --nope", args.parseArgs({ "--nope", "hi" }).error)
    assert.are.equal("Unknown option --raw", args.parseArgs({ "--raw=yes", "hi" }).error)
    assert.are.equal("-s needs a value", args.parseArgs({ "-s" }).error)
    assert.are.equal("--raw needs a prompt", args.parseArgs({ "--raw" }).error)
    local both = args.parseArgs({ "--sessions", "--abort" }).error
    assert.truthy(both:find("^Only one of %-%-sessions, %-%-delete, %-%-abort"), both)
  end)

  it("builds Usage lines and help lines that fit 51 columns and name every flag", function()
    local usage = table.concat(args.usageLines(), "\n")
    for i, line in ipairs(args.usageLines()) do
      assert.truthy(#line <= 51, line)
      if i > 1 then assert.truthy(line:find("^       ai ") or line:find("^          %S"), line) end
    end
    local page = args.HELP_PAGE
    for _, f in ipairs(args.FLAGS) do
      local line = flags.helpLine(f)
      assert.truthy(#line <= 51, line)
      assert.truthy(page:find(line, 1, true), line)
      if f.names[1] ~= "--help" and f.names[1] ~= "--version" then
        assert.truthy(usage:find(flags.synopsis(f), 1, true), f.names[1])
      end
    end
  end)

  it("offers every name on Tab but the aliases, and knows when the prompt has begun", function()
    local names = flags.flagNames(args.FLAGS)
    assert.are.equal(23, #names)
    for _, n in ipairs(names) do assert.are_not.equal("-?", n) end
    assert.are.equal("sessions", flags.valuesOf(args.FLAGS, "-s"))
    assert.is_false(flags.inPrompt(args.FLAGS, { "ai", "-s", "ses_1", "-a", "plan" }))
    assert.is_true(flags.inPrompt(args.FLAGS, { "ai", "-n", "hello" }))
    assert.is_true(flags.inPrompt(args.FLAGS, { "ai", "--" }))
  end)

  it("prints the command line back as typed, quoting words with spaces", function()
    assert.are.equal('-s ses_1 "two words" -rf', flags.commandLine({ "-s", "ses_1", "two words", "-rf" }))
  end)
end)
