-- opencc installer: puts ai (the program), aichat (the agent in the game chat), libai (the
-- library), libai_bridge (the bridge's side, loaded by libai only when serving the bridge) and
-- the help pages on this computer, and a startup file that defines the opencc.*
-- settings, puts the programs on the shell's path, and gives them tab completion and help pages.
--
--   wget run http://<bridge host>:4097/install [folder]   from opencc-bridge: also joins its server
--   wget run <base>install.lua [folder] [base]             from any static host serving build/
--
-- folder: where the programs go (default /). base: the URL the files are fetched from, ending in
-- "/" (default BASE below: the folder this installer is published in). The files are those of
-- <base>manifest.txt, each checked against its size and checksum. Run it again to update;
-- settings the player has set are kept.
local BASE = "https://raw.githubusercontent.com/opencc/opencc/main/build/"
-- opencc-bridge serves this file at /install with the next line replaced by its owner's setup:
-- { base, server_url, bridge_url, bridge_token (only when the owner shares it), token_required }.
-- From any other host it stays nil, and only the files are installed.
local JOIN = nil

local args = { ... }
local dir = "/" .. shell.resolve(args[1] or "/")
local base = args[2] or (JOIN and JOIN.base) or BASE
if base:sub(-1) ~= "/" then base = base .. "/" end

local function fail(msg)
  printError("Install failed: " .. msg)
  error("", 0)
end

if not http then fail("the http API is disabled on this computer (http.enabled in computercraft-server.toml)") end

local function fetch(url)
  local h, err, res = http.get(url, nil, true)
  if not h then
    if res then
      err = "HTTP " .. res.getResponseCode()
      res.close()
    elseif err == "Domain not permitted" then
      err = err .. ": allow the host in [[http.rules]] of computercraft-server.toml"
    end
    fail(url .. ": " .. tostring(err or "no answer"))
  end
  local body = h.readAll() or ""
  h.close()
  return body
end

-- Adler-32 (see src/bridge/manifest.ts for why): sums kept exact in doubles over 4 KB blocks.
local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s, 4096 do
    local bytes = { s:byte(i, i + 4095) }
    for j = 1, #bytes do
      a = a + bytes[j]
      b = b + a
    end
    a, b = a % 65521, b % 65521
  end
  return string.format("%04x%04x", b, a)
end

local function readManifest()
  local url = base .. "manifest.txt"
  local text = fetch(url)
  local version, count = text:match("^opencc (%S+) (%d+)\n")
  local files = {}
  for name, size, sum, target in text:gmatch("\n([%w_.-]+) (%d+) (%x+) ([%w_./-]+)") do
    if target:find("..", 1, true) then fail(url .. ": " .. target .. " is outside the install folder") end
    files[#files + 1] = { name = name, size = tonumber(size), sum = sum, target = target }
  end
  if not version or #files ~= tonumber(count) then
    fail(url .. ": not a whole opencc manifest (" .. #text .. " bytes): run the installer again")
  end
  return files, version
end

-- Each file is checked: its size and checksum are the manifest's, and a Lua file compiles.
local function download(file)
  local url = base .. file.name
  local body = fetch(url)
  if #body ~= file.size then
    fail(url .. ": " .. #body .. " of " .. file.size .. " bytes arrived: run the installer again")
  elseif adler32(body) ~= file.sum then
    fail(url .. ": not the file the manifest lists (checksum " .. adler32(body) .. ", expected " .. file.sum
      .. "): run the installer again, or ask the host's owner to publish a fresh build")
  end
  if file.name:sub(-4) == ".lua" then
    local ok, why = load(body, "=" .. file.name)
    if not ok then fail(url .. ": not a Lua file (" .. tostring(why) .. ")") end
  end
  return body
end

local function writeFile(path, data)
  local f, err = fs.open(path, "wb")
  if not f then fail(path .. ": " .. tostring(err)) end
  f.write(data)
  f.close()
end

local prog = fs.combine(dir, "ai.lua")
local updating = fs.exists(prog)
print((updating and "Updating" or "Installing") .. " opencc in " .. dir .. " from " .. base)

if fs.exists("/startup") and not fs.isDir("/startup") then
  fail("/startup is a file: make it a folder (move it to /startup/00.lua) and run this again")
end
-- Everything is downloaded and checked before anything is replaced, and written under temporary
-- names first: a failure leaves the old install intact.
local files, version = readManifest()
local bodies = {}
for i, file in ipairs(files) do bodies[i] = download(file) end
for i, file in ipairs(files) do writeFile(fs.combine(dir, file.target) .. ".new", bodies[i]) end
for i, file in ipairs(files) do
  local path = fs.combine(dir, file.target)
  if fs.exists(path) then fs.delete(path) end
  fs.move(path .. ".new", path)
  print("  /" .. path .. " (" .. #bodies[i] .. " bytes)")
end

-- The bundles' seam: called with a table, a bundle returns its own require, so single modules
-- load without running the program. The settings' definitions are recorded from libai's and
-- ai's own modules now and written into the startup file as data: boot loads neither bundle.
local function modules(path, env)
  local f = fs.open(path, "r")
  local src = f.readAll()
  f.close()
  return load(src, "@/" .. path, "t", env)({})
end
local definitions = {}
local recorder = setmetatable({
  settings = { define = function(name, options) definitions[#definitions + 1] = { name, options } end },
}, { __index = _G })
local ok, why = pcall(function()
  modules(fs.combine(dir, "libai.lua"), recorder)("settingdefs").defineSettings()
  modules(prog, recorder)("settings").defineSettings()
  modules(fs.combine(dir, "aichat.lua"), recorder)("settings").defineChatSettings()
end)
if not ok or #definitions == 0 then fail("could not read the settings from the programs: " .. tostring(why)) end

writeFile("/startup/opencc.lua", ([[
-- opencc (written by the opencc installer): the opencc.* settings defined at boot (so `set`
-- describes and checks them), ai on the shell's path, tab completion and `help ai`.
local dir = %q
for _, d in ipairs(%s) do settings.define(d[1], d[2]) end
local prog = fs.combine(dir, "ai.lua")
local env = setmetatable({}, { __index = _G })
local function bundle(file)
  local f = fs.open(fs.combine(dir, file), "r")
  if not f then return nil end
  local src = f.readAll()
  f.close()
  return load(src, "@/" .. fs.combine(dir, file), "t", env)
end
local libai
function env.require(name)
  if name ~= "libai" then return require(name) end
  libai = libai or bundle("libai.lua")("libai")
  return libai
end
if not (":" .. shell.path() .. ":"):find(":" .. dir .. ":", 1, true) then shell.setPath(shell.path() .. ":" .. dir) end
help.setPath(help.path() .. ":/" .. fs.combine(dir, "help"))
local complete
shell.setCompletionFunction(prog, function(sh, index, text, previous)
  if complete == nil then
    complete = false
    pcall(function() complete = bundle("ai.lua")({})("complete").complete end)
  end
  if not complete then return {} end
  local ok, r = pcall(complete, sh, index, text, previous)
  return ok and r or {}
end)

shell.setCompletionFunction(fs.combine(dir, "aichat.lua"), function(sh, index, text)
  local out = {}
  if index ~= 1 then return out end
  for _, flag in ipairs({ "--help", "--version" }) do
    if #flag > #text and flag:sub(1, #text) == text then out[#out + 1] = flag:sub(#text + 1) end
  end
  return out
end)
]]):format(dir, textutils.serialise(definitions)))

-- Settings the player has set (in .settings) are theirs: a re-run keeps them and asks nothing.
local function isSet(name)
  if settings.getDetails then return settings.getDetails(name).changed end
  return settings.get(name) ~= nil
end
local kept = {}
for _, name in ipairs({ "opencc.server_url", "opencc.password", "opencc.bridge_url", "opencc.bridge_token",
  "opencc.tools" }) do
  kept[name] = isSet(name)
end
shell.run("/startup/opencc.lua")
print("Done: opencc " .. version .. " in " .. dir)
if dir ~= "/" then
  print('Other programs: package.path = "' .. dir .. '/?.lua;" .. package.path before require("libai")')
end

if not JOIN then
  print("Next: set opencc.server_url http://<host>:4096")
  print("then: ai hello   (help ai, ai --doctor)")
  print("In the game chat: aichat   (help aichat)")
  return
end

-- Joining the bridge's server: its addresses, the password (asked, masked, never sent by the
-- bridge), and what the agent may do here.
local function ask(prompt, mask)
  write(prompt)
  return read(mask) or ""
end
local function setDefault(name, value)
  if kept[name] or value == nil then return end
  settings.set(name, value)
  print("  " .. name .. " = " .. value)
end
setDefault("opencc.server_url", JOIN.server_url)
if not kept["opencc.password"] then
  print("The opencode server's password, from its owner.")
  settings.set("opencc.password", ask("Server password (Enter if none): ", "*"))
end
local token = JOIN.bridge_token
if not token and JOIN.token_required and not kept["opencc.bridge_token"] and not kept["opencc.bridge_url"] then
  print("The owner's bridge token lets the agent act here.")
  token = ask("Bridge token (Enter to skip): ", "*")
  if token == "" then token = nil end
end
if token or not JOIN.token_required or kept["opencc.bridge_token"] then
  setDefault("opencc.bridge_url", JOIN.bridge_url)
  if token and not kept["opencc.bridge_token"] then settings.set("opencc.bridge_token", token) end
end
if settings.get("opencc.bridge_url", "") ~= "" and not kept["opencc.tools"] then
  print("The agent may look around this computer (read).")
  local tools
  repeat
    print("Also let it act (turtle, peripherals) or run Lua?")
    local more = ask("act, lua, act,lua or Enter: ")
    tools = "read"
    for word in more:gmatch("[^%s,]+") do
      if word ~= "act" and word ~= "lua" and word ~= "read" then tools = nil break end
      if word ~= "read" then tools = tools .. "," .. word end
    end
    if not tools then printError("Type act, lua or both (act,lua), or just Enter for read only.") end
  until tools
  setDefault("opencc.tools", tools)
end
settings.save()
print("Checking the connection (ai --doctor):")
shell.run(prog, "--doctor")
print("Then: ai hello   (help ai; in the game chat: aichat)")
