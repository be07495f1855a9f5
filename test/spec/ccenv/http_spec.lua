-- Mirrors CC: Tweaked's http API (rom/apis/http/http.lua, HTTPAPI.java, HttpRequest.java,
-- HttpRequestHandler.java, NetworkUtils.toFriendlyError, AddressRule $private):
-- http_success / http_failure events, readable handles on 4xx/5xx, CC's failure reasons,
-- the form Content-Type for bodies, concurrent requests.
local H = require("test.spec.ccenv.helper")

describe("ccenv http", function()
  local server, pc
  setup(function() server = H.startServer() end)
  teardown(function() if server then server.stop() end end)
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  local function call(fn) return pc:call(fn) end

  it("http.get returns a readable handle on success", function()
    local ok, code, body, header = call(function()
      local h = assert(pc.env.http.get(server.base .. "/echo"))
      local c = h.getResponseCode()
      local b = h.readAll()
      local hd = h.getResponseHeaders()
      h.close()
      return c, b, hd["x-test"] or hd["X-Test"]
    end)
    assert.is_true(ok, code)
    assert.are.equal(200, code)
    local echo = pc.env.textutils.unserialiseJSON(body)
    assert.are.equal("GET", echo.method)
    assert.are.equal("/echo", echo.url)
    assert.are.equal("close", echo.headers.connection)
    assert.are.equal("computercraft/1.109.0", echo.headers["user-agent"])
    assert.are.equal("127.0.0.1:" .. server.port, echo.headers.host)
    assert.are.equal("yes", header)
  end)

  it("http.request is asynchronous and queues http_success with the url", function()
    local ok, ev, url, line = call(function()
      local target = server.base .. "/chunked"
      local started = pc.env.http.request(target)
      assert(started == true)
      local e, u, h = pc.env.os.pullEvent()
      return e, u, h and h.readLine()
    end)
    assert.is_true(ok, ev)
    assert.are.equal("http_success", ev)
    assert.are.equal(server.base .. "/chunked", url)
    assert.are.equal("line one", line)
  end)

  it("decodes chunked bodies and bodies ended by closing", function()
    local ok, chunked, closed = call(function()
      local a = assert(pc.env.http.get(server.base .. "/chunked")).readAll()
      local b = assert(pc.env.http.get(server.base .. "/close")).readAll()
      return a, b
    end)
    assert.is_true(ok, chunked)
    assert.are.equal("line one\nline two\nend", chunked)
    assert.are.equal("until close", closed)
  end)

  it("posts with CC's form Content-Type and Content-Length", function()
    local ok, body = call(function()
      return assert(pc.env.http.post(server.base .. "/echo", "a=1&b=2")).readAll()
    end)
    assert.is_true(ok, body)
    local echo = pc.env.textutils.unserialiseJSON(body)
    assert.are.equal("POST", echo.method)
    assert.are.equal("a=1&b=2", echo.body)
    assert.are.equal("application/x-www-form-urlencoded; charset=utf-8", echo.headers["content-type"])
    assert.are.equal("7", echo.headers["content-length"])
  end)

  it("keeps a caller's Content-Type and method from the table form", function()
    local ok, body = call(function()
      pc.env.http.request { url = server.base .. "/echo", method = "PUT", body = "{}",
        headers = { ["Content-Type"] = "application/json" } }
      local _, _, h = pc.env.os.pullEvent("http_success")
      return h.readAll()
    end)
    assert.is_true(ok, body)
    local echo = pc.env.textutils.unserialiseJSON(body)
    assert.are.equal("PUT", echo.method)
    assert.are.equal("application/json", echo.headers["content-type"])
  end)

  it("gives http_failure with a readable handle for 4xx/5xx", function()
    local ok, ev, reason, code, body = call(function()
      pc.env.http.request(server.base .. "/status/404")
      local e, _, r, h = pc.env.os.pullEvent()
      return e, r, h.getResponseCode(), h.readAll()
    end)
    assert.is_true(ok, ev)
    assert.are.equal("http_failure", ev)
    assert.are.equal("Not Found", reason)
    assert.are.equal(404, code)
    assert.are.equal("status 404", body)

    local ok2, h, r2, handle = call(function() return pc.env.http.get(server.base .. "/status/500") end)
    assert.is_true(ok2)
    assert.is_nil(h)
    assert.are.equal("Internal Server Error", r2)
    assert.are.equal("status 500", handle.readAll())
  end)

  it("fails with Could not connect when the connection is refused", function()
    local ok, h, reason = call(function()
      return pc.env.http.get("http://127.0.0.1:" .. H.closedPort() .. "/")
    end)
    assert.is_true(ok)
    assert.is_nil(h)
    assert.are.equal("Could not connect", reason)
  end)

  -- CraftOS-PC delivers a body cut by a closed or reset connection as a success with the part
  -- that came; before the response head, CC: Tweaked's channelInactive fails "Could not connect".
  it("delivers a body cut off by a close or a reset as a success with the part that came", function()
    local ok, cut, reset, early = call(function()
      local a = assert(pc.env.http.get(server.base .. "/cut")).readAll()
      local b = assert(pc.env.http.get(server.base .. "/cut-reset")).readAll()
      local _, why = pc.env.http.get(server.base .. "/reset")
      return a, b, why
    end)
    assert.is_true(ok, cut)
    assert.are.equal("0123456789", cut)
    assert.are.equal("0123456789", reset)
    assert.are.equal("Could not connect", early)
  end)

  -- HttpRequestHandler: a body over the rule's max_download fails "Response is too large".
  it("fails with Response is too large past max_download", function()
    pc:destroy()
    pc = H.computer({ maxDownload = 1000 })
    local ok, small, h, reason = call(function()
      local s = assert(pc.env.http.get(server.base .. "/big?n=1000")).readAll()
      return #s, pc.env.http.get(server.base .. "/big?n=200000")
    end)
    assert.is_true(ok, small)
    assert.are.equal(1000, small)
    assert.is_nil(h)
    assert.are.equal("Response is too large", reason)
  end)

  it("fails with Timed out after the request's timeout", function()
    local ok, h, reason = call(function()
      return pc.env.http.get { url = server.base .. "/hang", timeout = 0.2 }
    end)
    assert.is_true(ok)
    assert.is_nil(h)
    assert.are.equal("Timed out", reason)
  end)

  it("rejects timeouts above CC's 60 s cap", function()
    local ok, err = call(function() return pc.env.http.request { url = server.base .. "/echo", timeout = 61 } end)
    assert.is_false(ok)
    assert.truthy(err:find("timeout out of range", 1, true))
  end)

  it("reports CC's reasons for bad URLs", function()
    local ok, a, b, c, d = call(function()
      local http = pc.env.http
      return select(2, http.checkURL("not a url")), select(2, http.checkURL("example.com/x")),
        select(2, http.checkURL("ftp://example.com/")), select(2, http.get("http:///nohost"))
    end)
    assert.is_true(ok)
    assert.are.same({ "URL malformed", "Must specify http or https", "Invalid protocol 'ftp'", "URL malformed" }, { a, b, c, d })
  end)

  it("denies private and loopback hosts with denyPrivate, like CC's default rules", function()
    local strict = H.computer({ denyPrivate = true })
    local ok, h, reason, check, checkReason, ip6 = strict:call(function()
      local http = strict.env.http
      local a, b = http.get(server.base .. "/echo")
      local c, d = http.checkURL("http://localhost:" .. server.port .. "/")
      local _, e = http.checkURL("http://[::1]/")
      return a, b, c, d, e
    end)
    strict:destroy()
    assert.is_true(ok, h)
    assert.is_nil(h)
    assert.are.equal("Domain not permitted", reason)
    assert.is_false(check)
    assert.are.equal("Domain not permitted", checkReason)
    assert.are.equal("Domain not permitted", ip6)
  end)

  -- HttpRequestHandler: the new request gets request.headers() again, Authorization included.
  it("follows redirects with the original headers unless redirect = false", function()
    local ok, followed, code = call(function()
      local a = assert(pc.env.http.get(server.base .. "/redirect", { Authorization = "Basic c2VjcmV0" })).readAll()
      local h = pc.env.http.get { url = server.base .. "/redirect", redirect = false }
      return a, h.getResponseCode()
    end)
    assert.is_true(ok, followed)
    local echo = pc.env.textutils.unserialiseJSON(followed)
    assert.are.equal("/echo?from=redirect", echo.url)
    assert.are.equal("Basic c2VjcmV0", echo.headers.authorization)
    assert.are.equal(302, code)
  end)

  it("runs requests concurrently", function()
    local ok, n, elapsed = call(function()
      local os = pc.env.os
      local t0 = os.clock()
      for i = 1, 4 do pc.env.http.request(server.base .. "/slow?ms=300&i=" .. i) end
      local done = 0
      while done < 4 do
        os.pullEvent("http_success")
        done = done + 1
      end
      return done, os.clock() - t0
    end)
    assert.is_true(ok, n)
    assert.are.equal(4, n)
    assert.is_true(elapsed < 0.9, "took " .. elapsed)
  end)

  -- CC: Tweaked's http.max_requests (16 by default): HTTPAPI puts requests in a ResourceQueue
  -- (core/apis/http/ResourceQueue.java), which starts at most that many at once and keeps the
  -- rest in a first-in-first-out queue until running ones finish; none is refused.
  local function heldAtOnce(n, computerOpts)
    local qpc = H.computer(computerOpts)
    local ok, most, answered = qpc:call(function()
      for i = 1, n do qpc.env.http.request(server.base .. "/held?ms=400&i=" .. i) end
      local seen, max = 0, 0
      while seen < n do
        local _, _, h = qpc.env.os.pullEvent("http_success")
        max = math.max(max, tonumber(h.readAll()))
        seen = seen + 1
      end
      return max, seen
    end)
    qpc:destroy()
    assert.is_true(ok, most)
    return most, answered
  end

  it("holds at most 16 requests open at once, queueing the rest (http.max_requests)", function()
    local most, answered = heldAtOnce(24)
    assert.are.equal(24, answered)
    assert.are.equal(16, most)
  end)

  it("takes another max_requests when the computer is given one", function()
    local most, answered = heldAtOnce(6, { maxRequests = 4 })
    assert.are.equal(6, answered)
    assert.are.equal(4, most)
  end)

  it("keeps timers running while a request is in flight", function()
    local ok, order = call(function()
      local os = pc.env.os
      pc.env.http.request(server.base .. "/slow?ms=200")
      os.startTimer(0.05)
      local seen = {}
      while #seen < 2 do
        local e = os.pullEvent()
        if e == "timer" or e == "http_success" then seen[#seen + 1] = e end
      end
      return table.concat(seen, ",")
    end)
    assert.is_true(ok, order)
    assert.are.equal("timer,http_success", order)
  end)

  it("has no http global when http is disabled", function()
    local off = H.computer({ http = false })
    assert.is_nil(off.env.http)
    off:destroy()
  end)
end)
