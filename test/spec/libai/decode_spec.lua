-- Every reply libai decodes is checked against its shape before use (src/libai/decode.ts). Each
-- endpoint gets scripted replies with missing and wrongly typed fields, served by the fault proxy
-- (test/servers/fault-proxy.mjs, action "body") in place of the real server's: the caller must get
-- nil, one bad_response line naming the field, and no Lua error, never the body echoed.
package.path = "test/?.lua;test/?/init.lua;" .. package.path
local servers = require("support.servers")

local SES = "ses_0123456789abABCDEFGHIJKLMN"
local MSG = "msg_0123456789abABCDEFGHIJKLMN"
local INFO = '{"id":"' .. MSG .. '","sessionID":"' .. SES .. '","role":"assistant","time":{"created":1}}'
local SESSION = '{"id":"' .. SES .. '","title":"t","time":{"created":1,"updated":2}}'

-- call: a Lua expression on client c; bodies: reply -> the words the error line must contain
local cases = {
  { call = "c:health()", path = "/global/health", bodies = {
    ['{"healthy":"yes","version":"1.0"}'] = "boolean expected at healthy",
    ['{"healthy":true}'] = "string expected at version",
    ['{"healthy":true,"version":1.5}'] = "string expected at version",
    ['"fine"'] = "object expected",
  } },
  { call = "c:sessions()", path = "/session", bodies = {
    ['{"id":"' .. SES .. '"}'] = "list expected",
    ['[{"id":"' .. SES .. '","title":"t"}]'] = "object expected at [1].time",
    ['[' .. SESSION .. ',{"id":"' .. SES .. '","title":"t","time":{"created":"1","updated":2}}]'] =
      "number expected at [2].time.created",
    ['[{"id":7,"title":"t","time":{"created":1,"updated":2}}]'] = "string expected at [1].id",
  } },
  { call = "c:session('" .. SES .. "')", path = "/session/" .. SES, bodies = {
    ['{"id":"' .. SES .. '","title":null,"time":{"created":1,"updated":2}}'] = "string expected at title",
    ['[]'] = "expected at", -- every field is missing: whichever is checked first is named
  } },
  { call = "c:messages('" .. SES .. "', 5)", path = "/message", bodies = {
    ['{"info":' .. INFO .. ',"parts":[]}'] = "list expected",
    ['[{"parts":[]}]'] = "object expected at [1].info",
    ['[{"info":' .. INFO .. ',"parts":{"type":"text"}}]'] = "list expected at [1].parts",
    ['[{"info":' .. INFO .. '}]'] = "list expected at [1].parts",
    ['[{"info":{"id":"' .. MSG .. '","sessionID":"s","role":"user","time":{"created":"17"}},"parts":[]}]'] =
      "number expected at [1].info.time.created",
    ['[{"info":' .. INFO .. ',"parts":[{"id":"prt_1"}]}]'] = "string expected at [1].parts[1].type",
    ['[{"info":' .. INFO .. ',"parts":[{"id":"prt_1","type":"tool","state":"done"}]}]'] =
      "object expected at [1].parts[1].state",
  } },
  { call = "c:message('" .. SES .. "', '" .. MSG .. "')", path = "/message/" .. MSG, bodies = {
    ['{"info":' .. INFO .. ',"parts":"none"}'] = "list expected at parts",
    ['{"info":{"id":"' .. MSG .. '","sessionID":"s","role":"assistant","time":{"created":1},"error":"x"},"parts":[]}'] =
      "object expected at info.error",
  } },
  { call = "c:status()", path = "/session/status", bodies = {
    ['{"' .. SES .. '":"busy"}'] = "object expected at " .. SES,
    ['{"' .. SES .. '":{"type":1}}'] = "string expected at " .. SES .. ".type",
  } },
  { call = "c:agents()", path = "/agent", bodies = {
    ['{"build":{}}'] = "list expected",
    ['[{"name":"build"}]'] = "string expected at [1].mode",
  } },
  { call = "c:providers()", path = "/config/providers", bodies = {
    ['{"default":{}}'] = "list expected at providers",
    ['{"providers":[{"id":"fake","models":["a"]}]}'] = "table expected at providers[1].models",
  } },
  { call = "c:permissions()", path = "/permission", bodies = {
    ['{"id":"per_1"}'] = "list expected",
    ['[{"id":"per_1","sessionID":"' .. SES .. '","permission":"bash","patterns":"ls"}]'] =
      "list expected at [1].patterns",
  } },
  { call = "c:questions()", path = "/question", bodies = {
    ['[{"id":"que_1","sessionID":"' .. SES .. '"}]'] = "list expected at [1].questions",
    ['[{"id":"que_1","sessionID":"' .. SES .. '","questions":[{"question":"q","options":[{"label":3}]}]}]'] =
      "string expected at [1].questions[1].options[1].label",
  } },
  { call = "c:abort('" .. SES .. "')", path = "/abort", bodies = { ['"yes"'] = "boolean expected" } },
  { call = "c:deleteSession('" .. SES .. "')", path = "/session/" .. SES, bodies = { ['{}'] = "boolean expected" } },
  { call = "c:showToast('hi')", path = "/tui/show-toast", bodies = { ['1'] = "boolean expected" } },
}

describe("libai reply decoders", function()
  local pc
  before_each(function()
    servers.clearFaults()
    pc = servers.newComputer({ url = servers.proxyUrl, noProgram = true })
  end)
  after_each(function()
    pc:destroy()
    servers.clearFaults()
  end)

  for _, case in ipairs(cases) do
    for body, words in pairs(case.bodies) do
      it(case.call .. " given " .. body:sub(1, 60), function()
        servers.fault({ action = "body", path = case.path, body = body })
        local ok, value, msg, err = pc:call(function()
          local ai = pc.env.require("libai")
          local c = ai.client()
          local run = assert((loadstring or load)("local c = ...; return " .. case.call))
          return ai.protect(function() return run(c) end)
        end)
        assert.is_true(ok, tostring(value)) -- no Lua error escaped
        assert.is_nil(value)
        assert.are.equal("bad_response", err.kind)
        assert.truthy(msg:find(words, 1, true), msg)
        assert.truthy(msg:find("check opencc.server_url", 1, true), msg)
        if #body > 8 then assert.is_nil(msg:find(body, 1, true)) end
        assert.is_nil(msg:find("libai.lua:", 1, true))
      end)
    end
  end

  it("accepts the real server's replies (through the proxy, unchanged)", function()
    local ok, out = pc:call(function()
      local ai = pc.env.require("libai")
      local c = ai.client()
      local s = c:createSession("decoder spec")
      return {
        healthy = c:health().healthy, listed = #c:sessions() > 0, got = c:session(s.id).id,
        messages = #c:messages(s.id), status = type(c:status()), agents = #c:agents() > 0,
        providers = #c:providers().providers > 0, perms = type(c:permissions()),
        questions = type(c:questions()), deleted = c:deleteSession(s.id), id = s.id,
      }
    end)
    assert.is_true(ok, tostring(out))
    assert.is_true(out.healthy)
    assert.is_true(out.listed)
    assert.are.equal(out.id, out.got)
    assert.are.equal(0, out.messages)
    assert.are.equal("table", out.status)
    assert.is_true(out.agents)
    assert.is_true(out.providers)
    assert.are.equal("table", out.perms)
    assert.are.equal("table", out.questions)
    assert.is_true(out.deleted)
  end)
end)
