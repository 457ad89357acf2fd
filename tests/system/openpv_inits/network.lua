-- Every OpenPV weight initialiser sparsepv has, on equal, many-to-one and one-to-many sizes; the weights are written
-- once (writeStep) so that runs split over ranks can be compared byte for byte.
local function conn(pre, post, extra)
  local c = { groupType = "HyPerConn", preLayerName = pre, postLayerName = post, channelCode = 0,
              normalizeMethod = "none", writeStep = 1, initialWriteTime = 0 }
  for k, v in pairs(extra) do c[k] = v end
  return c
end

return {
  column = { groupType = "HyPerCol", nx = 16, ny = 16, dt = 1, stopTime = 1, randomSeed = 271828 },
  Pre = { groupType = "ConstantLayer", nf = 4, InitVType = "UniformRandomV", minV = 0, maxV = 1 },
  Small = { groupType = "ConstantLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, InitVType = "ConstantV", valueV = 1 },
  Post = { groupType = "HyPerLayer", nf = 4, phase = 1 },
  Down = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 2, phase = 1 },

  Gauss = conn("Pre", "Post", { nxp = 5, nyp = 5, weightInitType = "Gauss2DWeight", aspect = 2, sigma = 1.5,
                                rMax = 4, rotate = 1, deltaThetaMax = 1, normalizeMethod = "normalizeL2" }),
  GaussDown = conn("Pre", "Down", { nxp = 3, nyp = 3, weightInitType = "Gauss2DWeight", numOrientationsPre = 2,
                                    numOrientationsPost = 1, numFlanks = 2, flankShift = 0.5, bowtieFlag = true,
                                    bowtieAngle = 0.5, rMax = 3, strength = 2 }),
  GaussUp = conn("Small", "Post", { nxp = 4, nyp = 4, weightInitType = "Gauss2DWeight", thetaMax = 2, sigma = 1 }),
  Spread = conn("Pre", "Post", { nxp = 5, nyp = 5, numAxonalArbors = 4, delay = {0, 0, 0, 0},
                                 weightInitType = "SpreadOverArborsWeight", weightInit = 2 }),
  Discrete = conn("Pre", "Post", { nxp = 3, nyp = 3, weightInitType = "DiscreteUniformRandomWeight", wMin = -1,
                                   wMax = 1, numValues = 5 }),
  Uniform = conn("Small", "Down", { nxp = 3, nyp = 3, weightInitType = "UniformWeight", weightInit = 0.5,
                                    connectOnlySameFeatures = true }),
  Smart = conn("Pre", "Down", { nxp = 1, nyp = 1, weightInitType = "SmartWeight" }),
  Delays = conn("Small", "Down", { nxp = 1, nyp = 1, numAxonalArbors = 2, delay = {0, 1},
                                   weightInitType = "OneToOneWeightsWithDelays" }),
}
