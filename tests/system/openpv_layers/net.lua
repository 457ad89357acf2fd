-- Every OpenPV layer type of layers/ in one small network (8x8, nbatch 4), each writing its activity every step:
-- a random input through a 3x3 random convolution into a LeakyIntegrator (state), rescaled by every whole-layer
-- and per-position method, a sigmoid of its V, dropout and noise layers, pointwise products and quotients, and an
-- ANNLayer summing three channels with channelIndices/channelCoefficients.
local out = os.getenv("SPV_OUT") or "output/openpv_layers"
local stop = tonumber(os.getenv("SPV_STOP") or "10")
local net = {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = stop, nbatch = 4, randomSeed = 11,
             outputPath = out, progressInterval = 1000 },
  Input = { groupType = "ConstantLayer", nf = 3, InitVType = "UniformRandomV", minV = -1, maxV = 1, writeStep = 1 },
  Leaky = { groupType = "LeakyIntegrator", nf = 3, phase = 1, integrationTime = 4, writeStep = 1 },
  Sigmoid = { groupType = "SigmoidLayer", nf = 3, phase = 2, originalLayerName = "Leaky", Vrest = -4, VthRest = 4,
              writeStep = 1 },
  Squared = { groupType = "ANNSquaredLayer", nf = 3, phase = 1, VThresh = 0.05, AMin = 0, writeStep = 1 },
  Product = { groupType = "PtwiseProductLayer", nf = 3, phase = 3, writeStep = 1 },
  Quotient = { groupType = "PtwiseQuotientLayer", nf = 3, phase = 3, writeStep = 1 },
  Dropout = { groupType = "DropoutLayer", nf = 3, phase = 2, probability = 30, writeStep = 1 },
  Noise = { groupType = "GaussianNoiseLayer", nf = 3, phase = 2, mu = 0.5, sigma = 0.25, writeStep = 1 },
  InputToLeaky = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Leaky", channelCode = 0,
                   nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                   normalizeMethod = "none" },
  InputToSquared = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Squared", channelCode = 0,
                     nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -0.5, wMaxInit = 0.5,
                     normalizeMethod = "none" },
  LeakyToDropout = { groupType = "IdentConn", preLayerName = "Leaky", postLayerName = "Dropout", channelCode = 0 },
  LeakyToNoise = { groupType = "IdentConn", preLayerName = "Leaky", postLayerName = "Noise", channelCode = 0 },
  InputToProduct = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Product", channelCode = 0 },
  SigmoidToProduct = { groupType = "IdentConn", preLayerName = "Sigmoid", postLayerName = "Product", channelCode = 1 },
  InputToQuotient = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Quotient", channelCode = 0 },
  SigmoidToQuotient = { groupType = "IdentConn", preLayerName = "Sigmoid", postLayerName = "Quotient", channelCode = 1 },
  Coefficients = { groupType = "ANNLayer", nf = 3, phase = 2, VThresh = 0.1, AMin = 0, channelIndices = { 1, 2, -1 },
                   channelCoefficients = { 0.5, -2, 7 }, writeStep = 1 },
  InputToCoefficients = { groupType = "IdentConn", preLayerName = "Input", postLayerName = "Coefficients",
                          channelCode = 0 },
  LeakyToCoefficients = { groupType = "IdentConn", preLayerName = "Leaky", postLayerName = "Coefficients",
                          channelCode = 1 },
  SquaredToCoefficients = { groupType = "IdentConn", preLayerName = "Squared", postLayerName = "Coefficients",
                            channelCode = 2 },
}
for _, m in ipairs({ "maxmin", "meanstd", "l2", "l2NoMean", "pointmeanstd", "pointResponseNormalization", "softmax",
                     "zerotonegative", "logreg" }) do
  net["Rescale_" .. m] = { groupType = "RescaleLayer", nf = 3, phase = 2, originalLayerName = "Leaky",
                           rescaleMethod = m, writeStep = 1 }
end
return net
