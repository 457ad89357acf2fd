local _, message = pcall(function() error("where") end)
error(message:match("^(.-):%d") .. ":99999999999: a line number beyond int", 0)
