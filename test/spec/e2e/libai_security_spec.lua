-- The password stays between the computer and its server: redirects are refused (CC follows a
-- 3xx by itself and re-sends every header, Authorization included, to the host Location names:
-- HttpRequestHandler sets request.headers() on the new request; ccenv does the same), a URL with
-- user info is refused without being echoed, ids are checked before they go into a path, and
-- plain http to a public host is warned about once. Through the fault proxy in front of the real
-- password server, whose "elsewhere" listener records any Authorization header it receives.
local H = require("spec.e2e.libai_helper")
local servers = H.servers

local function has(text, needle)
  return text:find(needle, 1, true) ~= nil
end

local SECRET_URL_PASSWORD = "hunter2-url-secret"

describe("libai security (e2e)", function()
  local pc
  before_each(function() servers.clearFaults() end)
  after_each(function()
    if pc then pc:destroy() end
    pc = nil
    servers.clearFaults()
  end)

  describe("redirects", function()
    it("a 3xx followed the way CC follows it would carry the password to the other host (the check works)", function()
      pc = H.computer({ url = servers.proxyUrl })
      servers.fault({ action = "redirect", status = 302, path = "/global/health" })
      local ok, code = pc:call(function()
        local h = pc.env.http.get(servers.proxyUrl .. "/global/health", { Authorization = "Basic c2VjcmV0" })
        return h and h.getResponseCode()
      end)
      assert.is_true(ok, tostring(code))
      assert.are.equal(200, code)
      local seen = servers.elsewhereLog()
      assert.are.equal(1, #seen)
      assert.are.equal("Basic c2VjcmV0", seen[1].authorization)
    end)

    local cases = {
      { name = "a GET (health)", status = 302, path = "/global/health", code = "return c:health()" },
      { name = "a poll (messages)", status = 307, path = "/message", code = "return c:messages(sid, 5)" },
      {
        name = "a prompt_async POST",
        status = 307,
        path = "/prompt_async",
        code = [[return c:promptAsync(sid, { messageID = ai.newId("msg"), parts = { { type = "text", text = "hi" } } })]],
      },
      { name = "an abort POST", status = 308, path = "/abort", code = "return c:abort(sid)" },
      {
        name = "a GET redirected protocol-relative (//host)",
        status = 301,
        path = "/session/status",
        code = "return c:status()",
        location = servers.elsewhereUrl:gsub("^http:", ""),
      },
    }
    for _, case in ipairs(cases) do
      it("are refused on " .. case.name .. ": one line naming the status and the host, no password sent", function()
        pc = H.computer({ url = servers.proxyUrl })
        local session = servers.newSession({ url = servers.authUrl })
        servers.fault({ action = "redirect", status = case.status, path = case.path, location = case.location })
        local out = H.run(pc, [[
          local ai = require("libai")
          local c, sid = ai.client(), ...
          local ok, msg, err = ai.protect(function() ]] .. case.code .. [[ end)
          return { msg = msg, kind = err and err.kind, status = err and err.status }
        ]], session)
        assert.are.equal("redirect", out.kind, tostring(out.msg))
        assert.are.equal(case.status, out.status)
        local host = servers.elsewhereUrl:match("^http://([^/]+)")
        assert.truthy(has(out.msg, "redirects (" .. case.status .. ") to " .. host), out.msg)
        assert.truthy(has(out.msg, "set opencc.server_url to the final address"), out.msg)
        assert.truthy(#out.msg <= 102, "fits two 51-column lines: " .. out.msg)
        assert.are.same({}, servers.elsewhereLog())
      end)
    end

    it("are refused by ai and ai --doctor with one line, and the password goes nowhere", function()
      pc = servers.newComputer({ url = servers.proxyUrl })
      servers.fault({ action = "redirect", status = 302, count = 100 })
      local r = pc:run("ai.lua", "hello")
      assert.falsy(r.ok)
      local t = pc:transcript():gsub("\n", " ")
      assert.truthy(has(t, "The server redirects (302) to localhost:"), t)
      assert.truthy(has(t, "Your prompt was kept: ai hello"), t)
      r = pc:run("ai.lua", "--doctor")
      assert.falsy(r.ok)
      t = pc:transcript():gsub("\n", " ")
      assert.truthy(has(t, "FAIL The server redirects (302)"), t)
      assert.falsy(has(t, servers.password), t)
      assert.are.same({}, servers.elsewhereLog())
    end)
  end)

  describe("a server_url with user info", function()
    local url
    before_each(function()
      url = servers.proxyUrl:gsub("^http://", "http://opencode:" .. SECRET_URL_PASSWORD .. "@")
    end)

    it("is refused by libai with a line pointing at opencc.username/password, never echoing the password", function()
      pc = H.computer({ url = url, password = false })
      local out = H.run(pc, [[
        local ai, given = require("libai"), ...
        local _, msg, err = ai.ask("hello")
        local _, cmsg = ai.protect(function() return ai.client({ url = given }) end)
        local _, umsg = ai.checkUrl()
        return { msg = msg, kind = err and err.kind, cmsg = cmsg, umsg = tostring(umsg) }
      ]], url)
      assert.are.equal("bad_setting", out.kind)
      assert.truthy(has(out.msg, "opencc.server_url has a user name or password in it"), out.msg)
      assert.truthy(has(out.msg, "use opencc.username and opencc.password instead"), out.msg)
      for _, line in ipairs({ out.msg, out.cmsg, out.umsg }) do
        assert.falsy(has(line, SECRET_URL_PASSWORD), line)
      end
      assert.are.equal(0, #servers.proxyLog(), "nothing was sent")
    end)

    it("never reaches the screen or a file other than .settings through ai, ai --doctor and chat", function()
      pc = servers.newComputer({ url = url, password = false })
      pc:run("ai.lua", "hello")
      pc:run("ai.lua", "--doctor")
      pc:run("ai.lua", "--sessions")
      pc.input = { "hi", "/exit" }
      pc:run("ai.lua")
      local t = pc:transcript()
      assert.truthy(has(t, "use opencc.username and opencc.password"), t)
      assert.truthy(has(t, "opencc.server_url = \"http://***@"), t)
      assert.falsy(has(t, SECRET_URL_PASSWORD), t)
      for _, name in ipairs(pc.env.fs.list("/")) do
        if name ~= ".settings" and not pc.env.fs.isDir(name) then
          assert.falsy(has(pc:readFile(name) or "", SECRET_URL_PASSWORD), name)
        end
      end
    end)
  end)

  describe("ids that go into a path", function()
    it("refuses opencc.session_id ses_x/../../global/health as a bad id and sends nothing", function()
      pc = H.computer({ url = servers.proxyUrl, settings = { ["opencc.session_id"] = "ses_x/../../global/health" } })
      local out = H.run(pc, [[
        local ai = require("libai")
        local _, msg, err = ai.ask("hello")
        return { msg = msg, kind = err and err.kind }
      ]])
      assert.are.equal("bad_setting", out.kind)
      assert.truthy(has(out.msg, 'opencc.session_id "ses_x/../../global/health" is not a session id'), out.msg)
      assert.are.equal(0, #servers.proxyLog())
    end)

    it("checks session, message, permission and question ids against their prefixes before any request", function()
      pc = H.computer({ url = servers.proxyUrl })
      local out = H.run(pc, [[
        local ai = require("libai")
        local c = ai.client()
        local calls = {
          function() return c:session("ses_x/../../global/health") end,
          function() return c:messages("../session", 5) end,
          function() return c:message("ses_abc", "msg_1/../../x") end,
          function() return c:replyPermission("per_1/../../x", "once") end,
          function() return c:replyQuestion("que_1?x=1", { { "a" } }) end,
          function() return c:rejectQuestion("msg_abc") end,
          function() return c:promptAsync("ses_abc", { messageID = "ms_g", parts = {} }) end,
        }
        local out = {}
        for i, f in ipairs(calls) do
          local _, msg, err = ai.protect(f)
          out[i] = { kind = err and err.kind, msg = msg }
        end
        return out
      ]])
      local words = { "session id (ses_", "session id (ses_", "message id (msg_", "permission id (per_",
        "question id (que_", "question id (que_", "message id (msg_" }
      for i, r in ipairs(out) do
        assert.are.equal("bad_id", r.kind, tostring(r.msg))
        assert.truthy(has(r.msg, words[i]), r.msg)
      end
      assert.are.equal(0, #servers.proxyLog(), "nothing was sent")
    end)
  end)

  describe("plain http across the network", function()
    it("is named only with a password, plain http and a host neither loopback nor private", function()
      pc = H.computer({ url = servers.proxyUrl })
      local out = H.run(pc, [[
        local ai = require("libai")
        local w = ai.plainHttpWarning
        return {
          public = w("http://opencode.example.com:4096", "pw"),
          publicIp = w("http://203.0.113.7:4096/", "pw"),
          noPassword = w("http://opencode.example.com:4096", ""),
          https = w("https://opencode.example.com", "pw"),
          loopback = w("http://127.0.0.1:4096", "pw"),
          localhost = w("http://localhost:4096", "pw"),
          lan = w("http://192.168.1.20:4096", "pw"),
          ten = w("http://10.0.0.5:4096", "pw"),
          v6 = w("http://[::1]:4096", "pw"),
          bare = w("http://opencode:4096", "pw"),
          settings = w(),
        }
      ]])
      assert.are.equal(
        "The password crosses the network to opencode.example.com unencrypted: use https:// in opencc.server_url.",
        out.public)
      assert.truthy(has(out.publicIp or "", "203.0.113.7"))
      for _, k in ipairs({ "noPassword", "https", "loopback", "localhost", "lan", "ten", "v6", "bare", "settings" }) do
        assert.is_nil(out[k], k)
      end
    end)

    it("is said by ai --doctor, and once per run of ai before the first prompt", function()
      local port = servers.authUrl:match(":(%d+)$")
      pc = servers.newComputer({
        url = "http://opencode.example.com:" .. port,
        hosts = { ["opencode.example.com"] = "127.0.0.1" },
      })
      local r = pc:run("ai.lua", "--doctor")
      assert.is_true(r.ok, r.error)
      local t = pc:transcript():gsub("\n", " ")
      assert.truthy(has(t, "crosses the network to opencode.example.com unencrypted"), t)
      assert.truthy(has(t, "All good"), t)
      pc.input = { "[reply:one]", "[reply:two]", "/exit" }
      r = pc:run("ai.lua", "-n")
      assert.is_true(r.ok, r.error)
      t = pc:transcript()
      local _, warnings = t:gsub("crosses the network", "")
      assert.are.equal(2, warnings, t) -- one from the doctor, one from the chat's two prompts
      assert.truthy(has(t, "two"), t)
      assert.falsy(has(t, servers.password), t)
    end)
  end)
end)
