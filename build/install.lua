-- opencc installer: puts ai (the program), aichat (the agent in the game chat), libai (the
-- library) and their help pages on this computer, and a startup file that gives them tab
-- completion and their help pages.
--
--   wget run <base>install.lua [folder] [base]
--
-- folder: where ai.lua and libai.lua go (default /). base: the URL the files are fetched from,
-- ending in "/" (default BASE below: the folder this installer is published in). Run it again to
-- update; settings (.settings, set opencc.*) are never touched.
local BASE = "https://raw.githubusercontent.com/opencc/opencc/main/build/"

local args = { ... }
local dir = "/" .. shell.resolve(args[1] or "/")
local base = args[2] or BASE
if base:sub(-1) ~= "/" then base = base .. "/" end

local function fail(msg)
  printError("Install failed: " .. msg)
  error("", 0)
end

if not http then fail("the http API is disabled on this computer (http.enabled in computercraft-server.toml)") end

local function download(name)
  local url = base .. name
  local h, err, res = http.get(url, nil, true)
  if not h then
    if res then
      err = "HTTP " .. res.getResponseCode()
      res.close()
    elseif err == "Domain not permitted" then
      err = err .. ": allow the host in [[http.rules]] of computercraft-server.toml"
    end
    fail(url .. ": " .. tostring(err))
  end
  local body = h.readAll() or ""
  h.close()
  return body
end

local function save(path, data)
  local f, err = fs.open(path, "wb")
  if not f then fail(path .. ": " .. tostring(err)) end
  f.write(data)
  f.close()
  print("  " .. path .. " (" .. #data .. " bytes)")
end

local prog = fs.combine(dir, "ai.lua")
print((fs.exists(prog) and "Updating" or "Installing") .. " opencc in " .. dir .. " from " .. base)

-- everything is downloaded before anything is written: a failure leaves the old install intact
local files = {}
for _, name in ipairs({ "libai.lua", "ai.lua", "ai.txt", "aichat.lua", "aichat.txt" }) do files[name] = download(name) end
if fs.exists("/startup") and not fs.isDir("/startup") then
  fail("/startup is a file: make it a folder (move it to /startup/00.lua) and run this again")
end

save(fs.combine(dir, "libai.lua"), files["libai.lua"])
save(prog, files["ai.lua"])
save(fs.combine(dir, "help/ai.txt"), files["ai.txt"])
save(fs.combine(dir, "aichat.lua"), files["aichat.lua"])
save(fs.combine(dir, "help/aichat.txt"), files["aichat.txt"])

-- The completion functions live in ai.lua's bundle: it is loaded (once, at the first Tab) with
-- its last line changed to hand back the bundle's require instead of running the program.
save("/startup/opencc.lua", ([[
-- opencc: tab completion and `help ai` (written by the opencc installer)
local dir = %q
local prog = fs.combine(dir, "ai.lua")
help.setPath(help.path() .. ":/" .. fs.combine(dir, "help"))
local complete
shell.setCompletionFunction(prog, function(sh, index, text, previous)
  if complete == nil then
    complete = false
    pcall(function()
      local f = fs.open("/" .. prog, "r")
      local src, n = f.readAll():gsub('return require%%("main"%%)%%.run%%(%%.%%.%%.%%)%%s*$', "return require")
      f.close()
      if n ~= 1 then return end
      local libai
      local env = setmetatable({ require = function(name)
        if name ~= "libai" then return require(name) end
        libai = libai or dofile("/" .. fs.combine(dir, "libai.lua"))
        return libai
      end }, { __index = _G })
      complete = load(src, "@/" .. prog, "t", env)()("complete").complete
    end)
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
]]):format(dir))

shell.run("/startup/opencc.lua")
print("Done. Next: set opencc.server_url http://<host>:4096")
print("then: ai hello   (help ai, ai --doctor)")
print("In the game chat: aichat   (help aichat)")
