-- The fs API, rooted in a host folder (CC: Tweaked FileSystem/FSAPI semantics):
-- CC style paths ("/" root, ".." cannot escape it), "/rom" mounted read-only from ccenv's rom
-- folder, error texts "/path: No such file", "Access denied", "File exists", ...
local lfs = require("lfs")
local E = require("ccenv.expect")

local M = {}

-- CC's path sanitising: "\" -> "/", drop control and reserved characters, collapse "." and "..",
-- a leading ".." that cannot be cancelled is kept (and later refused as "Invalid Path").
function M.sanitise(path, allowWildcards)
  path = path:gsub("\\", "/")
  local bad = allowWildcards and '["<>:|%c]' or '["<>:|%*%?%c]'
  path = path:gsub(bad, "")
  local out = {}
  for part in (path .. "/"):gmatch("([^/]*)/") do
    part = part:gsub("^%s+", ""):gsub("%s+$", "")
    if part == "" or part == "." or part:match("^%.%.%.+$") then
      -- skip
    elseif part == ".." then
      if #out > 0 and out[#out] ~= ".." then out[#out] = nil else out[#out + 1] = ".." end
    else
      out[#out + 1] = part
    end
  end
  return table.concat(out, "/")
end

local function shellQuote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
M.shellQuote = shellQuote

function M.make(root, romDir)
  local fs = {}

  local function isRom(p) return p == "rom" or p:sub(1, 4) == "rom/" end

  -- CC path -> host path (errors "Invalid Path" for paths above the root)
  local function host(p, fname)
    if p == ".." or p:sub(1, 3) == "../" then error("/" .. p .. ": Invalid Path", 3) end
    if isRom(p) then
      return romDir .. (p == "rom" and "" or "/" .. p:sub(5))
    end
    return root .. (p == "" and "" or "/" .. p)
  end

  local function attr(hp) return lfs.attributes(hp) end
  local function kind(p)
    local ok, hp = pcall(host, p)
    if not ok then return nil end
    local a = attr(hp)
    return a and a.mode
  end


  function fs.combine(base, ...)
    E.expect("combine", 1, base, "string")
    local parts = { base }
    for i = 1, select("#", ...) do
      parts[#parts + 1] = E.expect("combine", i + 1, (select(i, ...)), "string")
    end
    return M.sanitise(table.concat(parts, "/"), true)
  end

  function fs.getName(path)
    E.expect("getName", 1, path, "string")
    local p = M.sanitise(path, true)
    if p == "" then return "root" end
    return p:match("([^/]*)$")
  end

  function fs.getDir(path)
    E.expect("getDir", 1, path, "string")
    local p = M.sanitise(path, true)
    if p == "" then return ".." end
    return p:match("^(.*)/[^/]*$") or ""
  end

  function fs.exists(path)
    E.expect("exists", 1, path, "string")
    return kind(M.sanitise(path)) ~= nil
  end

  function fs.isDir(path)
    E.expect("isDir", 1, path, "string")
    return kind(M.sanitise(path)) == "directory"
  end

  function fs.isReadOnly(path)
    E.expect("isReadOnly", 1, path, "string")
    return isRom(M.sanitise(path))
  end

  function fs.isDriveRoot(path)
    E.expect("isDriveRoot", 1, path, "string")
    local p = M.sanitise(path)
    return p == "" or p == "rom"
  end

  function fs.getDrive(path)
    E.expect("getDrive", 1, path, "string")
    local p = M.sanitise(path)
    if not kind(p) then return nil end
    return isRom(p) and "rom" or "hdd"
  end

  function fs.list(path)
    E.expect("list", 1, path, "string")
    local p = M.sanitise(path)
    local hp = host(p)
    if kind(p) ~= "directory" then error("/" .. p .. ": Not a directory", 2) end
    local out = {}
    for name in lfs.dir(hp) do
      if name ~= "." and name ~= ".." then out[#out + 1] = name end
    end
    if p == "" and not out.rom then
      local seen = false
      for _, n in ipairs(out) do if n == "rom" then seen = true end end
      if not seen then out[#out + 1] = "rom" end
    end
    table.sort(out)
    return out
  end

  function fs.getSize(path)
    E.expect("getSize", 1, path, "string")
    local p = M.sanitise(path)
    local a = attr(host(p))
    if not a then error("/" .. p .. ": No such file", 2) end
    if a.mode == "directory" then return 0 end
    return a.size
  end

  function fs.attributes(path)
    E.expect("attributes", 1, path, "string")
    local p = M.sanitise(path)
    local a = attr(host(p))
    if not a then error("/" .. p .. ": No such file", 2) end
    return {
      size = a.mode == "directory" and 0 or a.size,
      isDir = a.mode == "directory",
      isReadOnly = isRom(p),
      created = (a.change or a.modification) * 1000,
      modified = a.modification * 1000,
      modification = a.modification * 1000,
    }
  end

  local CAPACITY = 1000000
  local function usedSpace(hp)
    local total = 0
    for name in lfs.dir(hp) do
      if name ~= "." and name ~= ".." then
        local a = attr(hp .. "/" .. name)
        if a and a.mode == "directory" then total = total + 500 + usedSpace(hp .. "/" .. name)
        elseif a then total = total + math.max(a.size, 500) end
      end
    end
    return total
  end

  function fs.getFreeSpace(path)
    E.expect("getFreeSpace", 1, path, "string")
    local p = M.sanitise(path)
    if isRom(p) then return 0 end
    return math.max(0, CAPACITY - usedSpace(root))
  end

  function fs.getCapacity(path)
    E.expect("getCapacity", 1, path, "string")
    local p = M.sanitise(path)
    if isRom(p) then return nil end
    return CAPACITY
  end

  local function mkdirs(p)
    local cur = ""
    for part in p:gmatch("[^/]+") do
      cur = cur == "" and part or cur .. "/" .. part
      local k = kind(cur)
      if k == nil then
        local ok, err = lfs.mkdir(host(cur))
        if not ok then error("/" .. cur .. ": " .. tostring(err), 3) end
      elseif k ~= "directory" then
        error("/" .. cur .. ": File exists", 3)
      end
    end
  end

  function fs.makeDir(path)
    E.expect("makeDir", 1, path, "string")
    local p = M.sanitise(path)
    if isRom(p) then error("/" .. p .. ": Access denied", 2) end
    mkdirs(p)
  end

  local function removeTree(hp)
    local a = attr(hp)
    if not a then return end
    if a.mode == "directory" then
      for name in lfs.dir(hp) do
        if name ~= "." and name ~= ".." then removeTree(hp .. "/" .. name) end
      end
      lfs.rmdir(hp)
    else
      os.remove(hp)
    end
  end
  M.removeTree = removeTree

  function fs.delete(path)
    E.expect("delete", 1, path, "string")
    local p = M.sanitise(path)
    if isRom(p) or p == "" then error("/" .. p .. ": Access denied", 2) end
    removeTree(host(p))
  end

  local function copyTree(src, dst)
    local a = attr(src)
    if a.mode == "directory" then
      lfs.mkdir(dst)
      for name in lfs.dir(src) do
        if name ~= "." and name ~= ".." then copyTree(src .. "/" .. name, dst .. "/" .. name) end
      end
    else
      local i = assert(io.open(src, "rb"))
      local data = i:read("*a")
      i:close()
      local o = assert(io.open(dst, "wb"))
      o:write(data)
      o:close()
    end
  end
  M.copyTree = copyTree

  local function contains(parent, child)
    return child == parent or (parent == "" ) or child:sub(1, #parent + 1) == parent .. "/"
  end

  local function transferCheck(fname, from, to, verb)
    local src, dst = M.sanitise(from), M.sanitise(to)
    if (verb == "move" and isRom(src)) or isRom(dst) then error("Access denied", 3) end
    if not kind(src) then error("/" .. src .. ": No such file", 3) end
    if kind(dst) then error("/" .. dst .. ": File exists", 3) end
    if contains(src, dst) then
      error(verb == "move" and "Can't move a directory inside itself" or ("/" .. src .. ": Can't copy a directory inside itself"), 3)
    end
    local parent = dst:match("^(.*)/[^/]*$")
    if parent then mkdirs(parent) end
    return src, dst
  end

  function fs.move(from, to)
    E.expect("move", 1, from, "string")
    E.expect("move", 2, to, "string")
    local src, dst = transferCheck("move", from, to, "move")
    local ok, err = os.rename(host(src), host(dst))
    if not ok then error("/" .. src .. ": " .. tostring(err), 2) end
  end

  function fs.copy(from, to)
    E.expect("copy", 1, from, "string")
    E.expect("copy", 2, to, "string")
    local src, dst = transferCheck("copy", from, to, "copy")
    copyTree(host(src), host(dst))
  end

  -- file handles ---------------------------------------------------------------------
  local function closedCheck(state)
    if state.closed then error("attempt to use a closed file", 3) end
  end

  local function readHandle(data, binary)
    local pos, state, h = 1, { closed = false }, {}
    function h.readAll()
      closedCheck(state)
      if pos > #data then return binary and "" or nil end
      local r = data:sub(pos)
      pos = #data + 1
      return r
    end
    function h.readLine(withTrailing)
      closedCheck(state)
      if pos > #data then return nil end
      local nl = data:find("\n", pos, true)
      local line
      if nl then
        line = withTrailing and data:sub(pos, nl) or data:sub(pos, nl - 1)
        pos = nl + 1
      else
        line = data:sub(pos)
        pos = #data + 1
      end
      if not withTrailing then line = line:gsub("\r$", "") end
      return line
    end
    function h.read(count)
      closedCheck(state)
      if count ~= nil and type(count) ~= "number" then
        error(("bad argument #1 to 'read' (number expected, got %s)"):format(type(count)), 2)
      end
      if count and count < 0 then error("Cannot read a negative number of bytes", 2) end
      if pos > #data then return nil end
      if count == nil then
        local c = data:sub(pos, pos)
        pos = pos + 1
        if binary then return c:byte() end
        return c
      end
      local r = data:sub(pos, pos + count - 1)
      pos = pos + count
      return r
    end
    function h.seek(whence, offset)
      closedCheck(state)
      whence, offset = whence or "cur", offset or 0
      local base = whence == "set" and 0 or whence == "end" and #data or pos - 1
      local np = base + offset
      if np < 0 then return nil, "Position is negative" end
      pos = np + 1
      return np
    end
    function h.close()
      closedCheck(state)
      state.closed = true
    end
    return h
  end
  M.readHandle = readHandle

  function fs.open(path, mode)
    E.expect("open", 1, path, "string")
    E.expect("open", 2, mode, "string")
    local p = M.sanitise(path)
    local m = mode:gsub("b", "")
    local binary = mode:find("b") ~= nil
    if not (m == "r" or m == "w" or m == "a" or m == "r+" or m == "w+") then
      error("Unsupported mode", 2)
    end
    local ok, hp = pcall(host, p)
    if not ok then return nil, hp end
    local k = kind(p)
    if m == "r" then
      if k == nil then return nil, "/" .. p .. ": No such file" end
      if k == "directory" then return nil, "/" .. p .. ": Not a file" end
      local f = io.open(hp, "rb")
      if not f then return nil, "/" .. p .. ": Access denied" end
      local data = f:read("*a")
      f:close()
      return readHandle(data, binary)
    end
    if isRom(p) then return nil, "/" .. p .. ": Access denied" end
    if k == "directory" then return nil, "/" .. p .. ": Cannot write to directory" end
    local parent = p:match("^(.*)/[^/]*$")
    if parent then
      local okDir, err = pcall(mkdirs, parent)
      if not okDir then return nil, err end
    end
    local f = io.open(hp, (m == "a") and "ab" or (m == "r+" and k and "r+b") or "wb")
    if not f then return nil, "/" .. p .. ": Access denied" end
    local state, h = { closed = false }, {}
    function h.write(v)
      closedCheck(state)
      if binary and type(v) == "number" then
        f:write(string.char(v % 256))
      else
        local t = type(v)
        if t ~= "string" and t ~= "number" then
          error(("bad argument #1 to 'write' (string expected, got %s)"):format(t), 2)
        end
        f:write(tostring(v))
      end
    end
    function h.writeLine(v)
      closedCheck(state)
      local t = type(v)
      if t ~= "string" and t ~= "number" then
        error(("bad argument #1 to 'writeLine' (string expected, got %s)"):format(t), 2)
      end
      f:write(tostring(v), "\n")
    end
    function h.flush()
      closedCheck(state)
      f:flush()
    end
    function h.seek(whence, offset)
      closedCheck(state)
      return f:seek(whence or "cur", offset or 0)
    end
    function h.close()
      closedCheck(state)
      state.closed = true
      f:close()
    end
    return h
  end

  -- fs.find with CC wildcards: "*" matches within one path segment, "?" one character
  function fs.find(pattern)
    E.expect("find", 1, pattern, "string")
    local pat = M.sanitise(pattern, true)
    if pat == "" then return { "" } end
    local parts = {}
    for part in pat:gmatch("[^/]+") do parts[#parts + 1] = part end
    local results = {}
    local function toLua(seg)
      return "^" .. seg:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", "[^/]*"):gsub("%?", "[^/]") .. "$"
    end
    local function walk(prefix, i)
      if i > #parts then
        results[#results + 1] = prefix
        return
      end
      local seg = parts[i]
      if not seg:find("[%*%?]") then
        local p = prefix == "" and seg or prefix .. "/" .. seg
        if kind(p) then walk(p, i + 1) end
        return
      end
      if kind(prefix) ~= "directory" then return end
      local lp = toLua(seg)
      for _, name in ipairs(fs.list(prefix)) do
        if name:match(lp) then walk(prefix == "" and name or prefix .. "/" .. name, i + 1) end
      end
    end
    walk("", 1)
    table.sort(results)
    return results
  end

  function fs.complete(partial, dir, opts, includeDirs)
    E.expect("complete", 1, partial, "string")
    E.expect("complete", 2, dir, "string")
    local includeFiles, includeHidden = true, false
    if type(opts) == "table" then
      includeFiles = opts.include_files ~= false
      includeDirs = opts.include_dirs ~= false
      includeHidden = opts.include_hidden == true
    else
      if opts == false then includeFiles = false end
      includeDirs = includeDirs ~= false
    end
    if partial:sub(1, 1) == "/" then dir = "" end
    local searchDir, name = partial:match("^(.*)/([^/]*)$")
    if not searchDir then searchDir, name = "", partial end
    local base = fs.combine(dir, searchDir)
    local out = {}
    if not fs.isDir(base) then return out end
    for _, f in ipairs(fs.list(base)) do
      if #f >= #name and f:sub(1, #name) == name and (includeHidden or f:sub(1, 1) ~= "." or name:sub(1, 1) == ".") then
        local isDir = fs.isDir(fs.combine(base, f))
        local rest = f:sub(#name + 1)
        if isDir then
          out[#out + 1] = rest .. "/"
          if includeDirs and rest ~= "" then out[#out + 1] = rest end
        elseif includeFiles and rest ~= "" then
          out[#out + 1] = rest
        end
      end
    end
    return out
  end

  return fs
end

return M
