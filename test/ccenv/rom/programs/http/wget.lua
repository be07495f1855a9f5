-- ccenv's wget, behaving as CC: Tweaked's rom/programs/http/wget.lua does (looked up in
-- cc-tweaked/CC-Tweaked): `wget <url> [file]` saves the body (refusing to overwrite), and
-- `wget run <url> [args...]` loads the body as a chunk named after the URL's last path segment,
-- in wget's own environment (so it sees shell and require), and calls it with the remaining
-- arguments. A failed fetch prints "Failed." (the reason is not shown), an error inside the chunk
-- is printed with printError, and wget itself always ends normally.
local args = { ... }
local running = args[1] == "run"
if running then table.remove(args, 1) end

if #args < 1 then
  local name = arg[0] or fs.getName(shell.getRunningProgram())
  print("Usage:")
  print(name .. " <url> [filename]")
  print(name .. " run <url>")
  return
end
local url = table.remove(args, 1)

if not http then
  printError("wget requires the http API, but it is not enabled")
  printError("Set http.enabled to true in CC: Tweaked's server config")
  return
end

-- "http://host/a/install?x#y" -> "install"
local function nameOf(u)
  return u:gsub("[#?].*", ""):gsub("/+$", ""):match("/([^/]+)$")
end

local function fetch(u)
  local valid, why = http.checkURL(url)
  if not valid then
    printError(why or "Invalid URL.")
    return nil
  end
  write("Connecting to " .. u .. "... ")
  local response = http.get(u)
  if not response then
    print("Failed.")
    return nil
  end
  print("Success.")
  local body = response.readAll()
  response.close()
  return body or ""
end

if running then
  local body = fetch(url)
  if not body then return end
  local chunk, loadError = load(body, nameOf(url), "t", _ENV)
  if not chunk then
    printError(loadError)
    return
  end
  local ok, runError = pcall(chunk, table.unpack(args))
  if not ok then printError(runError) end
  return
end

local file = args[1] or nameOf(url) or url
local path = shell.resolve(file)
if fs.exists(path) then
  print("File already exists")
  return
end
local body = fetch(url)
if not body then return end
local handle, openError = fs.open(path, "wb")
if not handle then
  printError("Cannot save file: " .. openError)
  return
end
handle.write(body)
handle.close()
print("Downloaded as " .. file)
