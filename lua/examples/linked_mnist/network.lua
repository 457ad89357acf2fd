-- Builds the linked-dictionary network of E3 (Barari and Kim): one LCA code of 256 neurons shared by a dictionary
-- of handwritten MNIST digits and a dictionary of the same digits printed in Liberation Sans (Arial's metrics).
-- Used by ../linked_mnist.lua (learning), ../linked_mnist_ordinal.lua and ../linked_mnist_infer.lua.
--
-- options: learn (bool), set ("train"/"test"), modalities ({handwritten = true, printed = true}), ordinal (bool),
--          weights (directory of learned HandwrittenDict.pvp / PrintedDict.pvp, for inference), epochs.
local M = {}

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
M.data = os.getenv("SPV_MNIST_DIR") or (here .. "../../../data-cache/mnist-prepared")

M.displayPeriod = 100     -- LCA steps per image
M.nbatch        = 16
M.VThresh       = 0.25    -- lambda
M.codeSize      = 256
M.images        = { train = 8000, test = 2000 }

local function input(file, nf, scale)
  return { groupType = "PvpLayer", nxScale = scale, nyScale = scale, nf = nf, phase = 0,
           inputPath = M.data .. "/" .. file, displayPeriod = M.displayPeriod, batchMethod = "byFile",
           writeFrameToTimestamp = false }
end

local function dictionary(o, post, name)
  local d = { groupType = "MomentumConn", preLayerName = "Code", postLayerName = post, channelCode = 1,
              nxp = 28, nyp = 28, normalizeMethod = "normalizeL2", strength = 1 }
  if o.learn then
    d.weightInitType = "UniformRandomWeight"; d.wMinInit = -1; d.wMaxInit = 1
    d.plasticityFlag = true; d.triggerLayerName = "Handwritten"; d.triggerOffset = 1
    d.dWMax = 0.1; d.momentumMethod = "viscosity"; d.timeConstantTau = 20; d.momentumDecay = 0
    d.normalizeOnWeightUpdate = true
    d.writeStep = -1
  else
    d.weightInitType = "FileWeight"; d.initWeightsFile = o.weights .. "/" .. name .. ".pvp"
  end
  return d
end

function M.build(o)
  local set = o.set or "train"
  local images = M.images[set]
  local epochs = o.epochs or 1
  local stop = math.ceil(images * epochs / M.nbatch) * M.displayPeriod
  local net = {
    column = { groupType = "HyPerCol", nx = 28, ny = 28, nbatch = M.nbatch, dt = 1, stopTime = stop,
               outputPath = "output/linked_mnist", randomSeed = 1234567890, progressInterval = stop / 20,
               errorOnNotANumber = true },
    Code = { groupType = "HyPerLCALayer", nxScale = 1 / 28, nyScale = 1 / 28, nf = M.codeSize, phase = 2,
             VThresh = M.VThresh, AShift = M.VThresh, AMin = 0, AMax = math.huge, timeConstantTau = 20,
             selfInteract = true, triggerLayerName = "Handwritten", triggerBehavior = "resetStateOnTrigger",
             sparseLayer = true, writeStep = o.learn and -1 or M.displayPeriod,
             initialWriteTime = M.displayPeriod },
    CodeL0 = { groupType = "L0NormProbe", targetLayer = "Code", probeOutputFile = "CodeL0.txt",
               triggerLayerName = "Handwritten", triggerOffset = 1 },
  }
  local function add_modality(name, file, dict)
    net[name] = input(set .. "_" .. file .. ".pvp", 1, 1)
    net[name .. "Error"] = { groupType = "HyPerLayer", nf = 1, phase = 1 }
    net[name .. "ToError"] = { groupType = "IdentConn", preLayerName = name, postLayerName = name .. "Error",
                               channelCode = 0 }
    net[dict] = dictionary(o, name .. "Error", dict)
    net[name .. "ErrorToCode"] = { groupType = "TransposeConn", preLayerName = name .. "Error",
                                   postLayerName = "Code", channelCode = 0, originalConnName = dict,
                                   updateGSynFromPostPerspective = true }
  end
  local present = o.modalities or { handwritten = true, printed = true }
  -- The Handwritten input is always there: it paces the run (new image, trigger).
  add_modality("Handwritten", "images", "HandwrittenDict")
  if present.printed then
    add_modality("Printed", "printed", "PrintedDict")
  elseif not o.learn then
    -- The printed digit is absent: reconstruct it from the code alone (cross-modal reconstruction).
    net.PrintedRecon = { groupType = "HyPerLayer", nf = 1, phase = 3, writeStep = M.displayPeriod,
                         initialWriteTime = M.displayPeriod }
    net.PrintedDict = dictionary(o, "PrintedRecon", "PrintedDict")
    net.PrintedDict.channelCode = 0
  end
  if not present.handwritten then
    net.HandwrittenErrorToCode.channelCode = -1
  end
  if o.ordinal and o.learn then
    -- Current-induced drivers: each class's block of 25 code neurons is pushed on while that class is learned.
    net.ClassBlock = input(set .. "_onehot.pvp", M.codeSize, 1 / 28)
    net.ClassBlockToCode = { groupType = "RescaleConn", preLayerName = "ClassBlock", postLayerName = "Code",
                             channelCode = 0, scale = 2 * M.VThresh }
  end
  if o.learn then
    -- Learned dictionaries are written once, at the end.
    for _, dict in ipairs({ "HandwrittenDict", "PrintedDict" }) do
      net[dict].writeStep = stop
      net[dict].initialWriteTime = stop
    end
  end
  return net
end

return M
