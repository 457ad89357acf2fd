-- OpenPV's list input and labels in one small network (8x8, nbatch 4): a PvpListLayer shows frame 0 of each PVP file
-- of a list, a FilenameParsingLayer (2x2) labels each batch element by the class names in its file's name, and an
-- ANNLayer reads the input through a random 3x3 convolution, so the frames shown reach a computed layer. Every layer
-- writes its activity every step.
local out = os.getenv("SPV_OUT") or "output/openpv_inputs"
local stop = tonumber(os.getenv("SPV_STOP") or "10")
local data = os.getenv("SPV_DATA") or "data"
return {
  column = { groupType = "HyPerCol", nx = 8, ny = 8, dt = 1, stopTime = stop, nbatch = 4, randomSeed = 11,
             outputPath = out, progressInterval = 1000 },
  Input = { groupType = "PvpListLayer", nf = 1, phase = 1, inputPath = data .. "/list.txt", displayPeriod = 2,
            writeStep = 1 },
  Labels = { groupType = "FilenameParsingLayer", nf = 3, nxScale = 0.25, nyScale = 0.25, phase = 0,
             inputLayerName = "Input", classList = data .. "/classes.txt", gtClassFalseValue = 0, writeStep = 1 },
  Code = { groupType = "ANNLayer", nf = 2, phase = 2, VThresh = 0.1, AMin = 0, writeStep = 1 },
  InputToCode = { groupType = "HyPerConn", preLayerName = "Input", postLayerName = "Code", channelCode = 0,
                  nxp = 3, nyp = 3, weightInitType = "UniformRandomWeight", wMinInit = -1, wMaxInit = 1,
                  normalizeMethod = "none" },
}
