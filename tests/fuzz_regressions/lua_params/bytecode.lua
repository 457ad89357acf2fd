local s = string.dump(function() end)
return load(s)()
