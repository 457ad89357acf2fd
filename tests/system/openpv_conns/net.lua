-- A small network with every connection type of OpenPV's set added here (system_openpv_conns): bars images coded by
-- an LCA layer through a learning dictionary (its feedback a FeedbackConn, a PlasticCloneConn adding Hebbian terms
-- from a second residual, a CopyConn of it normalised its own way); the code max-pooled with its winners recorded and
-- routed back (and again without the index layer), the image average- and sum-pooled and spread back, and winner-take-all across the code's features.
-- The script sets Input.inputPath and the output path; everything is written every step.
local every = 1
return {
  column = { groupType = "HyPerCol", dt = 1, stopTime = 12, nx = 16, ny = 16, nbatch = 2, randomSeed = 4321,
             outputPath = "output/openpv_conns", progressInterval = 1000, errorOnNotANumber = true },

  Input = { groupType = "PvpLayer", nf = 1, phase = 0, inputPath = "bars.pvp", displayPeriod = 3, writeStep = every },
  Error = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = every },
  ErrorB = { groupType = "HyPerLayer", nf = 1, phase = 1, writeStep = every },
  V1 = { groupType = "HyPerLCALayer", nxScale = 0.5, nyScale = 0.5, nf = 8, phase = 2, VThresh = 0.1, AMin = 0,
         AShift = 0.1, timeConstantTau = 2, writeStep = every },
  Recon = { groupType = "HyPerLayer", nf = 1, phase = 3, writeStep = every },

  InputToError = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Error", channelCode = 0 },
  InputToErrorB = { groupType = "RescaleConn", preLayerName = "Input", postLayerName = "ErrorB", channelCode = 0,
                    scale = 0.5 },
  V1ToError = { groupType = "HyPerConn", preLayerName = "V1", postLayerName = "Error", channelCode = 1, nxp = 6,
                nyp = 6, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                normalizeMethod = "normalizeL2", strength = 1, plasticityFlag = true, weightUpdatePeriod = 3,
                initialWeightUpdateTime = 3, dWMax = 0.1, writeStep = 3 },
  ErrorToV1 = { groupType = "FeedbackConn", channelCode = 0, originalConnName = "V1ToError" },
  V1ToErrorB = { groupType = "PlasticCloneConn", preLayerName = "V1", postLayerName = "ErrorB", channelCode = 1,
                 originalConnName = "V1ToError" },
  V1ToRecon = { groupType = "CopyConn", preLayerName = "V1", postLayerName = "Recon", channelCode = 0,
                originalConnName = "V1ToError", normalizeMethod = "normalizeSum", strength = 2,
                normalizeOnWeightUpdate = false, writeStep = 3 },

  Pooled = { groupType = "HyPerLayer", nxScale = 0.25, nyScale = 0.25, nf = 8, phase = 3, writeStep = every },
  PoolIndex = { groupType = "PoolingIndexLayer", nxScale = 0.25, nyScale = 0.25, nf = 8, phase = 3,
                writeStep = every },
  Unpooled = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 8, phase = 4, writeStep = every },
  V1ToPooled = { groupType = "PoolingConn", preLayerName = "V1", postLayerName = "Pooled", channelCode = 0,
                 pvpatchAccumulateType = "maxpooling", nxp = 2, nyp = 2, needPostIndexLayer = true,
                 postIndexLayerName = "PoolIndex" },
  PooledToUnpooled = { groupType = "TransposePoolingConn", preLayerName = "Pooled", postLayerName = "Unpooled",
                       channelCode = 0, originalConnName = "V1ToPooled" },
  -- The same pooling without an index layer: its transpose finds the winners again (overlapping windows, so the
  -- winners of the neighbouring tiles' pooled neurons come through the halo).
  PooledAlone = { groupType = "HyPerLayer", nxScale = 0.25, nyScale = 0.25, nf = 8, phase = 3, writeStep = every },
  UnpooledAlone = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 8, phase = 4, writeStep = every },
  V1ToPooledAlone = { groupType = "PoolingConn", preLayerName = "V1", postLayerName = "PooledAlone", channelCode = 0,
                      pvpatchAccumulateType = "maxpooling", nxp = 2, nyp = 2 },
  PooledAloneToUnpooledAlone = { groupType = "TransposePoolingConn", preLayerName = "PooledAlone",
                                 postLayerName = "UnpooledAlone", channelCode = 0,
                                 originalConnName = "V1ToPooledAlone" },

  Avg = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 1, phase = 1, writeStep = every },
  Sum = { groupType = "HyPerLayer", nxScale = 0.25, nyScale = 0.25, nf = 1, phase = 1, writeStep = every },
  Spread = { groupType = "HyPerLayer", nf = 1, phase = 2, writeStep = every },
  InputToAvg = { groupType = "PoolingConn", preLayerName = "Input", postLayerName = "Avg", channelCode = 0,
                 pvpatchAccumulateType = "avgpooling", nxp = 3, nyp = 3 },
  InputToSum = { groupType = "PoolingConn", preLayerName = "Input", postLayerName = "Sum", channelCode = 0,
                 pvpatchAccumulateType = "sumpooling", nxp = 1, nyp = 1, updateGSynFromPostPerspective = true },
  AvgToSpread = { groupType = "TransposePoolingConn", preLayerName = "Avg", postLayerName = "Spread",
                  channelCode = 0, originalConnName = "InputToAvg" },

  Winner = { groupType = "HyPerLayer", nxScale = 0.5, nyScale = 0.5, nf = 1, phase = 3, writeStep = every },
  V1ToWinner = { groupType = "WTAConn", preLayerName = "V1", postLayerName = "Winner", channelCode = 0 },
}
