-- The textutils API, following CC: Tweaked's rom/apis/textutils.lua behaviour:
-- serialise (Lua syntax, 2-space indent, "Cannot serialize ..." errors), unserialise,
-- JSON with CC's escaping (control chars and "\127"-"\255" as \u00XX unless unicode_strings),
-- json_null / empty_json_array, parse_null / parse_empty_array, "Malformed JSON at position N: ..."
-- errors, urlEncode, formatTime, pagedPrint ("Press any key to continue"), tabulate.
local E = require("ccenv.expect")

local M = {}

local keywords = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%a+") do
  keywords[w] = true
end

-- %q as Lua 5.2 writes it (stable across host versions)
local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"'
    elseif c == "\\" then return "\\\\"
    elseif c == "\n" then return "\\\n"
    end
    -- three digits, so a digit that follows cannot join the escape
    return ("\\%03d"):format(c:byte())
  end) .. '"'
end
M.quote = quote

local function utf8char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64,
    0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
end
M.utf8char = utf8char

function M.make(env, loadFn)
  local api = {}

  local function frozen(str, name)
    return setmetatable({}, {
      __newindex = function() error("attempt to mutate textutils." .. name, 2) end,
      __tostring = function() return str end,
    })
  end
  api.empty_json_array = frozen("[]", "empty_json_array")
  api.json_null = frozen("null", "json_null")

  -- serialise -----------------------------------------------------------------------
  local function ser(v, seen, indent, opts)
    local t = type(v)
    if t == "table" then
      if seen[v] ~= nil then
        error(seen[v] and "Cannot serialize table with recursive entries" or "Cannot serialize table with repeated entries", 0)
      end
      seen[v] = true
      local out
      if next(v) == nil then
        out = "{}"
      else
        local nl, inner, lk, rk, eq, sep = "{\n", indent .. "  ", "[ ", " ] = ", " = ", ",\n"
        if opts.compact then nl, inner, lk, rk, eq, sep = "{", "", "[", "]=", "=", "," end
        local buf = { nl }
        local done = {}
        local i = 1
        while rawget(v, i) ~= nil do
          done[i] = true
          buf[#buf + 1] = inner .. ser(rawget(v, i), seen, inner, opts) .. sep
          i = i + 1
        end
        for k, val in next, v do
          if not done[k] then
            if type(k) == "string" and not keywords[k] and k:match("^[%a_][%w_]*$") then
              buf[#buf + 1] = inner .. k .. eq .. ser(val, seen, inner, opts) .. sep
            else
              buf[#buf + 1] = inner .. lk .. ser(k, seen, inner, opts) .. rk .. ser(val, seen, inner, opts) .. sep
            end
          end
        end
        buf[#buf + 1] = indent .. "}"
        out = table.concat(buf)
      end
      if opts.allow_repetitions then seen[v] = nil else seen[v] = false end
      return out
    elseif t == "string" then
      return quote(v)
    elseif t == "number" then
      if v ~= v then return "0/0" end
      if v == math.huge then return "1/0" end
      if v == -math.huge then return "-1/0" end
      return tostring(v)
    elseif t == "boolean" or t == "nil" then
      return tostring(v)
    end
    error("Cannot serialize type " .. t, 0)
  end

  function api.serialize(t, opts)
    if opts ~= nil then
      E.expect("serialize", 2, opts, "table")
      E.field(opts, "compact", "boolean", "nil")
      E.field(opts, "allow_repetitions", "boolean", "nil")
    else
      opts = {}
    end
    return ser(t, {}, "", opts)
  end
  api.serialise = api.serialize

  function api.unserialize(s)
    E.expect("unserialize", 1, s, "string")
    local fn = loadFn("return " .. s, "unserialize", "t", {})
    if fn then
      local ok, r = pcall(fn)
      if ok then return r end
    end
    return nil
  end
  api.unserialise = api.unserialize

  -- JSON ----------------------------------------------------------------------------
  local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
    ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
  local function hexEsc(c) return ("\\u00%02X"):format(c:byte()) end

  local function decodeUtf8(s)
    local cps, i = {}, 1
    while i <= #s do
      local b = s:byte(i)
      local n, cp = 1, b
      if b >= 0xF0 then n, cp = 4, b % 8
      elseif b >= 0xE0 then n, cp = 3, b % 16
      elseif b >= 0xC0 then n, cp = 2, b % 32 end
      for j = 1, n - 1 do cp = cp * 64 + ((s:byte(i + j) or 0x80) % 64) end
      cps[#cps + 1] = cp
      i = i + n
    end
    return cps
  end

  local function jsonString(s, opts)
    if opts.unicode_strings and s:find("[\128-\255]") then
      local buf = { '"' }
      for _, cp in ipairs(decodeUtf8(s)) do
        if cp > 0xFFFF then
          cp = cp - 0x10000
          buf[#buf + 1] = ("\\u%04X\\u%04X"):format(0xD800 + math.floor(cp / 1024), 0xDC00 + cp % 1024)
        elseif cp < 0x80 and escapes[string.char(cp)] then
          buf[#buf + 1] = escapes[string.char(cp)]
        elseif cp < 0x20 or cp >= 0x7F then
          buf[#buf + 1] = ("\\u%04X"):format(cp)
        else
          buf[#buf + 1] = string.char(cp)
        end
      end
      buf[#buf + 1] = '"'
      return table.concat(buf)
    end
    local r = s:gsub('[%z\1-\31"\\]', function(c) return escapes[c] or hexEsc(c) end):gsub("[\127-\255]", hexEsc)
    return '"' .. r .. '"'
  end

  local function toJSON(v, seen, opts)
    if v == api.empty_json_array then return "[]" end
    if v == api.json_null then return "null" end
    local t = type(v)
    if t == "table" then
      if seen[v] ~= nil then
        error(seen[v] and "Cannot serialize table with recursive entries" or "Cannot serialize table with repeated entries", 0)
      end
      seen[v] = true
      local out
      if next(v) == nil then
        out = "{}"
      else
        local obj, arr, maxIndex = {}, {}, 0
        for k, val in pairs(v) do
          if type(k) == "string" then
            local key = opts.nbt_style and k or jsonString(k, opts)
            obj[#obj + 1] = key .. ":" .. toJSON(val, seen, opts)
          elseif type(k) == "number" and k > maxIndex then
            maxIndex = k
          end
        end
        for i = 1, maxIndex do
          arr[#arr + 1] = v[i] == nil and "null" or toJSON(v[i], seen, opts)
        end
        if #obj > 0 or #arr == 0 then out = "{" .. table.concat(obj, ",") .. "}"
        else out = "[" .. table.concat(arr, ",") .. "]" end
      end
      if opts.allow_repetitions then seen[v] = nil else seen[v] = false end
      return out
    elseif t == "string" then
      return jsonString(v, opts)
    elseif t == "number" then
      return tostring(v)
    elseif t == "boolean" then
      return tostring(v)
    end
    error("Cannot serialize type " .. t, 0)
  end

  function api.serializeJSON(t, opts)
    if type(opts) == "boolean" then
      opts = { nbt_style = opts }
    elseif type(opts) == "table" then
      E.field(opts, "nbt_style", "boolean", "nil")
      E.field(opts, "unicode_strings", "boolean", "nil")
      E.field(opts, "allow_repetitions", "boolean", "nil")
    else
      opts = {}
    end
    return toJSON(t, {}, opts)
  end
  api.serialiseJSON = api.serializeJSON

  local ParseError = {}
  local function fail(pos, msg, ...)
    if select("#", ...) > 0 then msg = msg:format(...) end
    error(setmetatable({ pos = pos, msg = msg }, ParseError), 0)
  end
  local function skip(s, pos)
    local _, last = s:find("^[ \n\r\t]+", pos)
    return last and last + 1 or pos
  end
  local function expected(pos, actual, what)
    actual = actual == "" and "end of input" or quote(actual)
    fail(pos, "Unexpected %s, expected %s.", actual, what)
  end
  local unesc = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["/"] = "/", ["\\"] = "\\" }

  local function parseString(s, pos)
    local buf = {}
    while true do
      local c = s:sub(pos, pos)
      if c == "" then fail(pos, "Unexpected end of input, expected '\"'.") end
      if c == '"' then break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        if e == "" then fail(pos, "Unexpected end of input, expected escape sequence.") end
        if e == "u" then
          local hex = s:match("^%x%x%x%x", pos + 2)
          if not hex then fail(pos, "Malformed unicode escape %s.", quote(s:sub(pos + 2, pos + 5))) end
          buf[#buf + 1] = utf8char(tonumber(hex, 16))
          pos = pos + 6
        else
          if not unesc[e] then fail(pos + 1, "Unknown escape character %s.", quote(e)) end
          buf[#buf + 1] = unesc[e]
          pos = pos + 2
        end
      elseif c >= " " then
        local _, finish = s:find('^[^"\\%c]+', pos)
        if not finish then finish = pos end
        buf[#buf + 1] = s:sub(pos, finish)
        pos = finish + 1
      else
        fail(pos + 1, "Unescaped whitespace %s.", quote(c))
      end
    end
    return table.concat(buf), pos + 1
  end

  local function parse(s, pos, opts)
    local c = s:sub(pos, pos)
    if c == '"' then return parseString(s, pos + 1)
    elseif c == "-" or (c >= "0" and c <= "9" and c ~= "") then
      local _, last, num = s:find("^(-?%d+%.?%d*[eE]?[+-]?%d*)", pos)
      local val = num and tonumber(num)
      if not val then fail(pos, "Malformed number %s.", quote(num or c)) end
      return val, last + 1
    elseif c == "t" and s:sub(pos + 1, pos + 3) == "rue" then return true, pos + 4
    elseif c == "f" and s:sub(pos + 1, pos + 4) == "alse" then return false, pos + 5
    elseif c == "n" and s:sub(pos + 1, pos + 3) == "ull" then
      if opts.parse_null then return api.json_null, pos + 4 end
      return nil, pos + 4
    elseif c == "{" then
      local obj = {}
      pos = skip(s, pos + 1)
      c = s:sub(pos, pos)
      if c == "" then fail(pos, "Unexpected end of input, expected '}'.") end
      if c == "}" then return obj, pos + 1 end
      while true do
        if c ~= '"' then expected(pos, c, "object key") end
        local key, value
        key, pos = parseString(s, pos + 1)
        pos = skip(s, pos)
        c = s:sub(pos, pos)
        if c ~= ":" then expected(pos, c, "':'") end
        value, pos = parse(s, skip(s, pos + 1), opts)
        obj[key] = value
        pos = skip(s, pos)
        c = s:sub(pos, pos)
        if c == "}" then break
        elseif c == "," then pos = skip(s, pos + 1)
        else expected(pos, c, "',' or '}'") end
        c = s:sub(pos, pos)
      end
      return obj, pos + 1
    elseif c == "[" then
      local arr, n = {}, 1
      pos = skip(s, pos + 1)
      c = s:sub(pos, pos)
      if c == "" then expected(pos, c, "']'") end
      if c == "]" then
        if opts.parse_empty_array ~= false then return api.empty_json_array, pos + 1 end
        return {}, pos + 1
      end
      while true do
        arr[n], pos = parse(s, pos, opts)
        n = n + 1
        pos = skip(s, pos)
        c = s:sub(pos, pos)
        if c == "]" then break
        elseif c == "," then pos = skip(s, pos + 1)
        else expected(pos, c, "',' or ']'") end
      end
      return arr, pos + 1
    elseif c == "" then
      fail(pos, "Unexpected end of input.")
    end
    fail(pos, "Unexpected character %s.", quote(c))
  end

  function api.unserializeJSON(s, opts)
    E.expect("unserializeJSON", 1, s, "string")
    if opts ~= nil then
      E.expect("unserializeJSON", 2, opts, "table")
      E.field(opts, "nbt_style", "boolean", "nil")
      E.field(opts, "parse_null", "boolean", "nil")
      E.field(opts, "parse_empty_array", "boolean", "nil")
    else
      opts = {}
    end
    local ok, res, pos = pcall(parse, s, skip(s, 1), opts)
    if not ok then
      if type(res) == "table" and getmetatable(res) == ParseError then
        return nil, ("Malformed JSON at position %d: %s"):format(res.pos, res.msg)
      end
      error(res, 0)
    end
    pos = skip(s, pos)
    if pos <= #s then
      return nil, ("Malformed JSON at position %d: Unexpected trailing character %s."):format(pos, quote(s:sub(pos, pos)))
    end
    return res
  end
  api.unserialiseJSON = api.unserializeJSON

  -- misc -----------------------------------------------------------------------------
  function api.urlEncode(str)
    E.expect("urlEncode", 1, str, "string")
    str = str:gsub("\n", "\r\n")
    str = str:gsub("[^A-Za-z0-9%-_%.]", function(c)
      if c == " " then return "+" end
      local n = c:byte()
      if n < 128 then return ("%%%02X"):format(n) end
      return ("%%%02X%%%02X"):format(192 + math.floor(n / 64) % 32, 128 + n % 64)
    end)
    return str
  end

  function api.formatTime(time, twentyFour)
    E.expect("formatTime", 1, time, "number")
    E.expect("formatTime", 2, twentyFour, "boolean", "nil")
    local suffix
    if not twentyFour then
      suffix = time >= 12 and "PM" or "AM"
      if time >= 13 then time = time - 12 end
    end
    local hour = math.floor(time)
    local minute = math.floor((time - hour) * 60)
    if suffix then
      return ("%d:%02d %s"):format(hour == 0 and 12 or hour, minute, suffix)
    end
    return ("%d:%02d"):format(hour, minute)
  end

  -- pagedPrint: print through a redirect whose scroll asks for a key once the free lines are used
  function api.pagedPrint(text, freeLines)
    E.expect("pagedPrint", 2, freeLines, "number", "nil")
    local term = env.term
    local old = term.current()
    local paged = {}
    for k, v in pairs(old) do paged[k] = v end
    local free = freeLines or 0
    paged.scroll = function(n)
      for _ = 1, n do
        old.scroll(1)
        if free <= 0 then
          local _, h = old.getSize()
          old.setCursorPos(1, h)
          old.write("Press any key to continue")
          env.os.pullEvent("key")
          old.clearLine()
          old.setCursorPos(1, h)
        else
          free = free - 1
        end
      end
    end
    term.redirect(paged)
    local result
    local ok, err = env.pcall(function()
      if text ~= nil then result = env.print(text) else result = env.print() end
    end)
    term.redirect(old)
    if not ok then error(err, 0) end
    return result
  end

  local function tabulate(paged, ...)
    local all = { n = select("#", ...), ... }
    for i = 1, all.n do
      local t = type(all[i])
      if t ~= "number" and t ~= "table" then
        error(("bad argument #%d (table or number expected, got %s)"):format(i, t), 3)
      end
    end
    local term = env.term
    local w, h = term.getSize()
    local maxLen = w / 8
    for n = 1, all.n do
      local t = all[n]
      if type(t) == "table" then
        for k, item in pairs(t) do
          local ty = type(item)
          if ty ~= "string" and ty ~= "number" then
            error("bad argument #" .. n .. "." .. k .. " (string expected, got " .. ty .. ")", 3)
          end
          maxLen = math.max(#tostring(item) + 1, maxLen)
        end
      end
    end
    local cols = math.floor(w / maxLen)
    local lines = 0
    local function newLine()
      if paged and lines >= h - 3 then api.pagedPrint() else env.print() end
      lines = lines + 1
    end
    local function draw(row)
      local col = 1
      for _, s in ipairs(row) do
        if col > cols then col = 1; newLine() end
        local _, cy = term.getCursorPos()
        term.setCursorPos(1 + (col - 1) * maxLen, cy)
        term.write(s)
        col = col + 1
      end
      env.print()
    end
    local prev = term.getTextColour()
    for i = 1, all.n do
      local t = all[i]
      if type(t) == "table" then
        if #t > 0 then draw(t) end
      else
        term.setTextColour(t)
      end
    end
    term.setTextColour(prev)
  end
  function api.tabulate(...) return tabulate(false, ...) end
  function api.pagedTabulate(...) return tabulate(true, ...) end

  function api.slowWrite(text, rate)
    rate = rate or 20
    if rate < 0 then error("Rate must be positive", 2) end
    local s = tostring(text)
    for i = 1, #s do
      env.sleep(1 / rate)
      env.write(s:sub(i, i))
    end
  end
  function api.slowPrint(text, rate)
    api.slowWrite(text, rate)
    env.print()
  end

  function api.complete(search, tbl)
    E.expect("complete", 1, search, "string")
    tbl = tbl or env
    local out, seen = {}, {}
    local t = tbl
    while type(t) == "table" and not seen[t] do
      seen[t] = true
      for k, v in pairs(t) do
        if type(k) == "string" and #k > #search and k:sub(1, #search) == search and not out[k] then
          out[#out + 1] = k:sub(#search + 1) .. (type(v) == "function" and "(" or type(v) == "table" and "." or "")
        end
      end
      local mt = getmetatable(t)
      t = mt and type(mt.__index) == "table" and mt.__index or nil
    end
    table.sort(out)
    return out
  end

  return api
end

return M
