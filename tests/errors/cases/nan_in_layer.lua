-- inf - inf in the error layer at the first step (two finite inputs scaled by infinity): a NaN that
-- errorOnNotANumber must catch.
local net = dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./") .. "base.lua")
net.InputToError = { groupType = "RescaleConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0,
                     scale = math.huge }
net.Other = { groupType = "ConstantLayer", nf = 1, phase = 0, InitVType = "ConstantV", valueV = 1 }
net.OtherToError = { groupType = "RescaleConn", preLayerName = "Other", postLayerName = "Error", channelCode = 1,
                     scale = math.huge }
net.V1ToError.channelCode = -1
return net
