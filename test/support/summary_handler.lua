-- busted output handler: busted's usual terminal output, plus pass/fail counts.
-- When OPENCC_BUSTED_COUNTS names a file, writes "PASSED FAILED" there (errors count as
-- failures; pending tests count as neither); otherwise prints "N passed, N failed".
return function(options)
  local busted = require("busted")
  local isatty = false
  local ok, term = pcall(require, "term")
  if ok and io.type(io.stdout) == "file" then
    isatty = term.isatty(io.stdout)
  end
  local inner = require("busted.outputHandlers." .. (isatty and "utfTerminal" or "plainTerminal"))(options)
  local subscribe = inner.subscribe

  inner.subscribe = function(handler, opts)
    subscribe(handler, opts)
    busted.subscribe({ "suite", "end" }, function()
      local passed = inner.successesCount or 0
      local failed = (inner.failuresCount or 0) + (inner.errorsCount or 0)
      local file = os.getenv("OPENCC_BUSTED_COUNTS")
      if file and file ~= "" then
        local f = io.open(file, "w")
        if f then
          f:write(passed, " ", failed, "\n")
          f:close()
        end
      else
        io.stdout:write(passed, " passed, ", failed, " failed\n")
      end
      return nil, true
    end, { priority = 2 })
  end
  return inner
end
