-- inf - inf in the error layer at the first step: a NaN that errorOnNotANumber must catch.
local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.Input.valueV = math.huge
net.Other = { groupType = "ConstantLayer", nf = 1, phase = 0, InitVType = "ConstantV", valueV = math.huge }
net.OtherToError = { groupType = "IdentConn", preLayerName = "Other", postLayerName = "Error", channelCode = 1 }
net.V1ToError.channelCode = -1
return net
