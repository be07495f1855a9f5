-- Mirrors CC: Tweaked's websockets (HTTPAPI.websocket/websocketAsync, Websocket.java,
-- WebsocketHandle.java): websocket_success / websocket_failure / websocket_message (url, text,
-- isBinary) / websocket_closed (url, reason, code) events; handle.send, handle.receive with a
-- timeout (nil on timeout or close), handle.close, "attempt to use a closed file" afterwards.
local H = require("test.spec.ccenv.helper")

describe("ccenv websocket", function()
  local server, pc, url
  setup(function()
    server = H.startServer("test/ccenv/fixtures/ws_server.js")
    url = "ws://127.0.0.1:" .. server.port .. "/echo"
  end)
  teardown(function() if server then server.stop() end end)
  before_each(function() pc = H.computer() end)
  after_each(function() pc:destroy() end)

  it("http.websocket connects; send and receive text and binary", function()
    local ok, a, b, c, d = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      ws.send("hello")
      local m1, bin1 = ws.receive(5)
      ws.send("\0\1\255", true)
      local m2, bin2 = ws.receive(5)
      ws.close()
      return m1, bin1, m2, bin2
    end)
    assert.is_true(ok, a)
    assert.are.equal("hello", a)
    assert.is_false(b)
    assert.are.equal("\0\1\255", c)
    assert.is_true(d)
  end)

  it("carries messages of every length class (7-bit, 16-bit and 64-bit lengths)", function()
    local ok, lens = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      local out = {}
      for _, n in ipairs({ 125, 126, 70000 }) do
        ws.send(string.rep("x", n))
        local m = ws.receive(10)
        out[#out + 1] = m and #m or -1
      end
      ws.close()
      return out
    end)
    assert.is_true(ok, lens)
    assert.are.same({ 125, 126, 70000 }, lens)
  end)

  it("websocketAsync queues websocket_success with the url and a handle; messages queue websocket_message", function()
    local ok, ev, u, msgEv, msgUrl, text, bin = pc:call(function()
      assert(pc.env.http.websocketAsync(url) == true)
      local e, eu, h = pc.env.os.pullEvent()
      h.send("async")
      local me, mu, mt, mb = pc.env.os.pullEvent("websocket_message")
      h.close()
      return e, eu, me, mu, mt, mb
    end)
    assert.is_true(ok, ev)
    assert.are.equal("websocket_success", ev)
    assert.are.equal(url, u)
    assert.are.equal("websocket_message", msgEv)
    assert.are.equal(url, msgUrl)
    assert.are.equal("async", text)
    assert.is_false(bin)
  end)

  it("sends the headers given", function()
    local ok, headers = pc:call(function()
      local ws = assert(pc.env.http.websocket(url, { ["X-Token"] = "abc" }))
      ws.send("headers")
      local m = ws.receive(5)
      ws.close()
      return m
    end)
    assert.is_true(ok, headers)
    assert.are.equal("abc", pc.env.textutils.unserialiseJSON(headers)["x-token"])
  end)

  it("a refused connection is false and a reason, or websocket_failure for websocketAsync", function()
    local ok, r1, r2, ev, eu, reason = pc:call(function()
      local dead = "ws://127.0.0.1:1/cc"
      local a, b = pc.env.http.websocket(dead)
      pc.env.http.websocketAsync("ws://127.0.0.1:" .. server.port .. "/nope")
      local e, u, why = pc.env.os.pullEvent("websocket_failure")
      return a, b, e, u, why
    end)
    assert.is_true(ok, r1)
    assert.is_false(r1)
    assert.are.equal("Could not connect", r2)
    assert.are.equal("websocket_failure", ev)
    assert.are.equal("ws://127.0.0.1:" .. server.port .. "/nope", eu)
    assert.matches("404", reason)
  end)

  it("the server closing queues websocket_closed with its reason and code; receive returns nil", function()
    local ok, recv, ev, u, reason, code, err = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      ws.send("close")
      local m = ws.receive(5)
      -- receive consumed the event; a second socket shows the event itself
      local ws2 = assert(pc.env.http.websocket(url))
      ws2.send("close")
      local e, eu, r, c = pc.env.os.pullEvent("websocket_closed")
      local sent, serr = pcall(ws.send, "after")
      return m, e, eu, r, c, (not sent) and serr or "sent"
    end)
    assert.is_true(ok, recv)
    assert.is_nil(recv)
    assert.are.equal("websocket_closed", ev)
    assert.are.equal(url, u)
    assert.are.equal("bye", reason)
    assert.are.equal(4000, code)
    assert.matches("attempt to use a closed file", err)
  end)

  it("a connection dropped without a close frame is websocket_closed with nil reason and code", function()
    local ok, ev, reason, code = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      ws.send("drop")
      local e, _, r, c = pc.env.os.pullEvent("websocket_closed")
      return e, r, c
    end)
    assert.is_true(ok, ev)
    assert.are.equal("websocket_closed", ev)
    assert.is_nil(reason)
    assert.is_nil(code)
  end)

  it("receive with a timeout returns nil when nothing comes; pings are answered", function()
    local ok, first, second = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      local m = ws.receive(0.2)
      ws.send("ping")
      local p = ws.receive(5)
      ws.close()
      return m == nil and "nil" or m, p
    end)
    assert.is_true(ok, first)
    assert.are.equal("nil", first)
    assert.are.equal("pinged", second)
  end)

  it("Ctrl+T while receive waits raises Terminated", function()
    pc:at(0.2, function() pc:queueEvent("terminate") end)
    local ok, err = pc:call(function()
      local ws = assert(pc.env.http.websocket(url))
      return ws.receive()
    end)
    assert.is_false(ok)
    assert.matches("Terminated", err)
  end)
end)
