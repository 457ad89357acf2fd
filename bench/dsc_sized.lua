-- A network the size of the deep sparse coding model (Kim, Hannan, Kenyon 2018), for timing
-- only: vision 64x64x3 through three LCA layers, text 128x16 through two, a joint LCA layer of 512 neurons linked
-- to the top of both streams, 400 LCA steps per image pair, random (fixed) inputs and dictionaries. Each LCA layer
-- codes the residual below it and is corrected by the residual of its own code from above (top-down feedback).
--   sparsepv -p bench/dsc_sized.lua -d 0        (bench/gpu_bench.sh sets nbatch and the GPU keys)
-- Sizes (neurons): V1 32x32x64, V2 16x16x128, V3 8x8x256; T1 64x8x64, T2 32x4x128; Joint 1x1x512.
local steps = 400
local VThresh = 0.1

local net = {
  column = { groupType = "HyPerCol", nx = 64, ny = 64, dt = 1, stopTime = steps, nbatch = 1,
             outputPath = "output/dsc_sized", randomSeed = 20180618, progressInterval = steps },
}

local function input(name, xs, ys, nf)
  net[name] = { groupType = "ConstantLayer", nxScale = xs, nyScale = ys, nf = nf, phase = 0,
                InitVType = "UniformRandomV", minV = -1, maxV = 1 }
end
local function err(name, xs, ys, nf, phase)
  net[name] = { groupType = "HyPerLayer", nxScale = xs, nyScale = ys, nf = nf, phase = phase }
end
local function lca(name, xs, ys, nf, phase)
  net[name] = { groupType = "HyPerLCALayer", nxScale = xs, nyScale = ys, nf = nf, phase = phase,
                InitVType = "ConstantV", valueV = 0, VThresh = VThresh, AMin = 0, AMax = math.huge,
                AShift = VThresh, VWidth = 0, timeConstantTau = 100, selfInteract = true }
end
local function ident(name, pre, post, channel)
  net[name] = { groupType = "IdentConn", preLayerName = pre, postLayerName = post, channelCode = channel }
end
-- code -> residual below (a learned-size dictionary, random here), and its transpose back into the code.
local function dictionary(code, residual, nxp, nyp)
  net[code .. "To" .. residual] = {
    groupType = "HyPerConn", preLayerName = code, postLayerName = residual, channelCode = 1, nxp = nxp, nyp = nyp,
    weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1, normalizeMethod = "normalizeL2",
    strength = 1, plasticityFlag = false, writeStep = -1 }
  net[residual .. "To" .. code] = {
    groupType = "TransposeConn", preLayerName = residual, postLayerName = code, channelCode = 0,
    originalConnName = code .. "To" .. residual, updateGSynFromPostPerspective = true }
end

-- Vision: Image -> E0 <- V1 -> E1 <- V2 -> E2 <- V3 -> E3v <- Joint
input("Image", 1, 1, 3)
err("E0", 1, 1, 3, 1)
lca("V1", 0.5, 0.5, 64, 2)
err("E1", 0.5, 0.5, 64, 3)
lca("V2", 0.25, 0.25, 128, 4)
err("E2", 0.25, 0.25, 128, 5)
lca("V3", 0.125, 0.125, 256, 6)
err("E3v", 0.125, 0.125, 256, 7)
-- Text: Text -> T0 <- T1 -> T1e <- T2 -> E3t <- Joint
input("Text", 2, 0.25, 1)
err("T0", 2, 0.25, 1, 1)
lca("T1", 1, 0.125, 64, 2)
err("T1e", 1, 0.125, 64, 3)
lca("T2", 0.5, 0.0625, 128, 4)
err("E3t", 0.5, 0.0625, 128, 7)
lca("Joint", 1 / 64, 1 / 64, 512, 8)

ident("ImageToE0", "Image", "E0", 0)
ident("V1ToE1", "V1", "E1", 0)
ident("V2ToE2", "V2", "E2", 0)
ident("V3ToE3v", "V3", "E3v", 0)
ident("TextToT0", "Text", "T0", 0)
ident("T1ToT1e", "T1", "T1e", 0)
ident("T2ToE3t", "T2", "E3t", 0)
dictionary("V1", "E0", 8, 8)
dictionary("V2", "E1", 4, 4)
dictionary("V3", "E2", 4, 4)
dictionary("T1", "T0", 8, 8)
dictionary("T2", "T1e", 4, 4)
dictionary("Joint", "E3v", 8, 8)
dictionary("Joint", "E3t", 32, 4)
-- Top-down feedback: the residual of a layer's code from above pulls the layer towards its reconstruction.
ident("E1ToV1", "E1", "V1", 1)
ident("E2ToV2", "E2", "V2", 1)
ident("E3vToV3", "E3v", "V3", 1)
ident("T1eToT1", "T1e", "T1", 1)
ident("E3tToT2", "E3t", "T2", 1)

return net
