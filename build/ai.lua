local ____modules = {}
local ____moduleCache = {}
local ____originalRequire = require
local function require(file, ...)
if ____moduleCache[file] then
return ____moduleCache[file].value
end
if ____modules[file] then
local module = ____modules[file]
local value = nil
if (select("#", ...) > 0) then value = module(...) else value = module(file) end
____moduleCache[file] = { value = value }
return value
else
if ____originalRequire then
return ____originalRequire(file)
else
error("module '" .. file .. "' not found")
end
end
end
____modules = {
["main"] = function(...) 
local ____exports = {}
local ai = require("libai")
function ____exports.run(...)
local args = {...}
local prompt = table.concat(args, " ")
local text, reply = ai.ask(prompt)
if text == nil then
printError(reply)
return
end
print(text)
end
return ____exports
end,
}
return require("main").run(...)
