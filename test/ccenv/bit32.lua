-- A pure-Lua bit32 (Lua 5.2 semantics) for hosts that lack one (Lua 5.1).
-- CC: Tweaked programs always have bit32 available.
if bit32 then return bit32 end

local M = {}
local MOD = 2 ^ 32

local function norm(x)
  x = tonumber(x) or 0
  x = math.floor(x) % MOD
  return x
end

local function bitop(a, b, fn)
  local r, p = 0, 1
  for _ = 1, 32 do
    local ra, rb = a % 2, b % 2
    if fn(ra, rb) then r = r + p end
    a, b, p = (a - ra) / 2, (b - rb) / 2, p * 2
  end
  return r
end

local function fold(fn, init, ...)
  local n = select("#", ...)
  local r = init
  for i = 1, n do r = bitop(r, norm((select(i, ...))), fn) end
  return r
end

function M.band(...) return fold(function(a, b) return a == 1 and b == 1 end, MOD - 1, ...) end
function M.bor(...) return fold(function(a, b) return a == 1 or b == 1 end, 0, ...) end
function M.bxor(...) return fold(function(a, b) return a ~= b end, 0, ...) end
function M.bnot(x) return MOD - 1 - norm(x) end
function M.btest(...) return M.band(...) ~= 0 end

function M.lshift(x, n)
  x = norm(x)
  if n < 0 then return M.rshift(x, -n) end
  if n >= 32 then return 0 end
  return (x * 2 ^ n) % MOD
end

function M.rshift(x, n)
  x = norm(x)
  if n < 0 then return M.lshift(x, -n) end
  if n >= 32 then return 0 end
  return math.floor(x / 2 ^ n)
end

function M.arshift(x, n)
  x = norm(x)
  if n <= 0 then return M.lshift(x, -n) end
  local r = M.rshift(x, n)
  if x >= 2 ^ 31 then
    if n >= 32 then return MOD - 1 end
    r = r + (MOD - 2 ^ (32 - n))
  end
  return r
end

function M.lrotate(x, n)
  x = norm(x); n = n % 32
  return (M.lshift(x, n) + M.rshift(x, 32 - n)) % MOD
end

function M.rrotate(x, n) return M.lrotate(x, -n % 32) end

function M.extract(x, field, width)
  width = width or 1
  if field < 0 or width <= 0 or field + width > 32 then error("trying to access non-existent bits", 2) end
  return M.rshift(x, field) % 2 ^ width
end

function M.replace(x, v, field, width)
  width = width or 1
  if field < 0 or width <= 0 or field + width > 32 then error("trying to access non-existent bits", 2) end
  local mask = (2 ^ width - 1) * 2 ^ field
  x = norm(x)
  local cleared = M.band(x, M.bnot(mask))
  return (cleared + (norm(v) % 2 ^ width) * 2 ^ field) % MOD
end

return M
