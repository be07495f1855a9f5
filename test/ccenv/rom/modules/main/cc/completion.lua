-- cc.completion for programs running in ccenv: choice as in CC: Tweaked's module (1.85+): the
-- suffixes that complete `text` to each choice, a choice equal to `text` only when a space is added.
local expect = require("cc.expect").expect

local function choice(text, choices, add_space)
  expect(1, text, "string")
  expect(2, choices, "table")
  expect(3, add_space, "boolean", "nil")
  local results = {}
  for n = 1, #choices do
    local option = choices[n]
    if #option + (add_space and 1 or 0) > #text and option:sub(1, #text) == text then
      local result = option:sub(#text + 1)
      if add_space then
        table.insert(results, result .. " ")
      else
        table.insert(results, result)
      end
    end
  end
  return results
end

return { choice = choice }
