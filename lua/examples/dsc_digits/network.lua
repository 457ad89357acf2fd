-- Builds E4's deep sparse coding network (Kim, Hannan, Kenyon 2018) for MNIST digits and their names: a hierarchy
-- of LCA layers per modality joined by a joint LCA layer linked to both streams. Used by ../dsc_digits.lua.
--
-- Wiring of one level (lower layer L, upper layer U; "Lower" is the input itself at the first level):
--   L --CloneVLayer--> LV          (A = V of L: the dense membrane potential is what goes up, not A)
--   LV --IdentConn ch0--> UError   U --dictionary ch1--> UError   (UError = V_L - Phi_U a_U = r_U)
--   UError --TransposeConn ch0--> U                                 (U's drive Phi_U^T r_U)
--   UError --IdentConn ch1--> L    (feedback: r_U subtracted in L's dynamics; channelCode -1 when off)
--
-- options: mode ("learn", "both", "vision", "text", "flip"), feedback (bool), small (bool), data (dir), lambda,
--          weights (dir of learned weights, inference), set ("train"/"test"), pairs, epochs, steps (per pair),
--          nbatch, out (outputPath), generation ("linear", "rectified", "threshold": the missing stream's layers),
--          joint_norm ("group": the joint dictionaries share one norm per neuron; "separate"), joint_lambda (the
--          joint layer's threshold as a multiple of lambda).
local M = {}

-- Layer sizes; lambda: the layer's threshold as a multiple of the `lambda` option. The column is 32x32 (the vision
-- input: MNIST centred in 32x32); scales are relative to it.
local sizes = {
  full = {
    text = { nx = 128, ny = 16 },
    vision = { { name = "Vision1", sx = 2, sy = 2, nf = 32, nxp = 8, nyp = 8, lambda = 1 },
               { name = "Vision2", sx = 2, sy = 2, nf = 64, nxp = 4, nyp = 4, lambda = 1 },
               { name = "Vision3", sx = 2, sy = 2, nf = 128, nxp = 4, nyp = 4, lambda = 1 } },
    textLayers = { { name = "Text1", sx = 2, sy = 2, nf = 32, nxp = 8, nyp = 8, lambda = 1 },
                   { name = "Text2", sx = 4, sy = 4, nf = 64, nxp = 8, nyp = 8, lambda = 1 } },
    joint = { nf = 512, lambda = 1 },
    steps = 400,
  },
  small = {
    text = { nx = 64, ny = 16 },
    vision = { { name = "Vision1", sx = 2, sy = 2, nf = 32, nxp = 8, nyp = 8, lambda = 1 },
               { name = "Vision2", sx = 2, sy = 2, nf = 64, nxp = 4, nyp = 4, lambda = 1 } },
    textLayers = { { name = "Text1", sx = 2, sy = 2, nf = 32, nxp = 8, nyp = 8, lambda = 1 },
                   { name = "Text2", sx = 4, sy = 4, nf = 64, nxp = 8, nyp = 8, lambda = 1 } },
    joint = { nf = 256, lambda = 1 },
    steps = 100,
  },
}
M.sizes = sizes

local column_side = 32

function M.build(o)
  local s = o.small and sizes.small or sizes.full
  local mode = o.mode or "learn"
  local learn = mode == "learn"
  local steps = o.steps or s.steps
  local nbatch = o.nbatch or 16
  local set = o.set or (learn and "train" or "test")
  local pairs = o.pairs or (learn and 8000 or 2000)
  local epochs = learn and (o.epochs or 1) or 1
  local period = mode == "flip" and 2 * steps or steps   -- flip: each case shows the digit for two periods
  local stop = math.ceil(pairs * epochs / nbatch) * period
  local tau = steps / 5
  local lambda = o.lambda or 0.05
  -- "group": each joint neuron's vision and text dictionary elements share one unit L2 norm (OpenPV's
  -- normalizeGroup, as in linked dictionaries), so a neuron may serve one modality or both; "separate": each
  -- element has unit norm in each modality.
  local joint_norm = o.joint_norm or "group"
  assert(joint_norm == "group" or joint_norm == "separate",
         "dsc_digits: joint_norm must be group or separate, not " .. tostring(joint_norm))
  local joint_head = joint_norm == "group" and "JointVisionDict" or nil
  local generation = o.generation or "linear"
  assert(({ linear = true, rectified = true, threshold = true })[generation],
         "dsc_digits: generation must be linear, rectified or threshold, not " .. tostring(generation))
  local vision_on = mode ~= "text"   -- a stream is "on" when its input is shown
  local text_on = mode ~= "vision"
  local net = {}

  net.column = { groupType = "HyPerCol", nx = column_side, ny = column_side, nbatch = nbatch, dt = 1,
                 stopTime = stop, outputPath = o.out or "output/dsc_digits", randomSeed = 1234567890,
                 progressInterval = math.max(period, stop / 20), errorOnNotANumber = true }

  local function input(file, nx, ny, display)
    return { groupType = "PvpLayer", nxScale = nx / column_side, nyScale = ny / column_side, nf = 1, phase = 0,
             inputPath = o.data .. "/" .. file, displayPeriod = display or period, batchMethod = "byFile",
             writeFrameToTimestamp = false }
  end
  local function written(layer, sparse)
    -- Inference writes each layer of the output contract once per display period, at its last step.
    if not learn then
      layer.writeStep = steps; layer.initialWriteTime = steps; layer.sparseLayer = sparse or nil
    end
    return layer
  end
  local function lca(nxs, nys, nf, scale)
    local lambda = lambda * scale
    return { groupType = "HyPerLCALayer", nxScale = nxs, nyScale = nys, nf = nf, phase = 2,
             VThresh = lambda, AShift = lambda, AMin = 0, AMax = math.huge, timeConstantTau = tau,
             selfInteract = true, triggerLayerName = "Vision", triggerBehavior = "resetStateOnTrigger" }
  end
  local function dictionary(pre, post, name, nxp, nyp, channel, group_head)
    local d = { groupType = "MomentumConn", preLayerName = pre, postLayerName = post, channelCode = channel,
                nxp = nxp, nyp = nyp, normalizeMethod = "normalizeL2", strength = 1 }
    if group_head and group_head ~= name then
      d.normalizeMethod = "normalizeGroup"; d.normalizeGroupName = group_head
    end
    if learn then
      d.weightInitType = "UniformRandomWeight"; d.wMinInit = -1; d.wMaxInit = 1
      d.plasticityFlag = true; d.triggerLayerName = "Vision"; d.triggerOffset = 1
      d.dWMax = 0.05; d.momentumMethod = "viscosity"; d.timeConstantTau = 20; d.momentumDecay = 0
      d.normalizeOnWeightUpdate = true
      d.writeStep = stop; d.initialWriteTime = stop
    else
      d.weightInitType = "FileWeight"; d.initWeightsFile = o.weights .. "/" .. name .. ".pvp"
    end
    return d
  end

  -- One stream present: input, its error, and the LCA layers up to (not including) the joint layer. Returns the
  -- name, scales and nf of the stream's top layer.
  local function stream(input_name, file, nx, ny, layers)
    local err = input_name .. "Error"
    net[input_name] = input(file, nx, ny)
    if mode == "flip" and input_name == "Text" then
      -- The text stream is switched off for the first period of each case and on for the second.
      net.TextGate = input("flip_gate.pvp", nx, ny, steps)
      net[err] = { groupType = "MaskLayer", maskMethod = "layer", maskLayerName = "TextGate" }
    else
      net[err] = { groupType = "HyPerLayer" }
    end
    net[err].nxScale = nx / column_side; net[err].nyScale = ny / column_side; net[err].nf = 1; net[err].phase = 1
    net[input_name .. "ToError"] = { groupType = "IdentConn", preLayerName = input_name, postLayerName = err,
                                     channelCode = 0 }
    local lower, lx, ly, lnf = input_name, nx / column_side, ny / column_side, 1
    for i, l in ipairs(layers) do
      local ux, uy = lx / l.sx, ly / l.sy
      net[l.name] = lca(ux, uy, l.nf, l.lambda)
      local e = i == 1 and err or (l.name .. "Error")
      local dict = l.name .. "Dict"
      if i == 1 then
        -- The input's reconstruction Phi_1 a_1, for the outputs.
        local recon = input_name .. "Recon"
        net[recon] = written({ groupType = "HyPerLayer", nxScale = lx, nyScale = ly, nf = 1, phase = 3 })
        net[l.name .. "ToRecon"] = { groupType = "CloneConn", preLayerName = l.name, postLayerName = recon,
                                     channelCode = 0, originalConnName = dict }
      else
        -- Layer i-1 hands its V up: a V clone feeds layer i's error, whose residual feeds back into layer i-1.
        local clone = lower .. "V"
        net[clone] = { groupType = "CloneVLayer", originalLayerName = lower, nxScale = lx, nyScale = ly, nf = lnf,
                       phase = 3 }
        net[e] = { groupType = "HyPerLayer", nxScale = lx, nyScale = ly, nf = lnf, phase = 1 }
        net[clone .. "ToError"] = { groupType = "IdentConn", preLayerName = clone, postLayerName = e, channelCode = 0 }
        net[e .. "To" .. lower] = { groupType = "IdentConn", preLayerName = e, postLayerName = lower,
                                    channelCode = o.feedback and 1 or -1 }
      end
      net[dict] = dictionary(l.name, e, dict, l.nxp, l.nyp, 1)
      net[e .. "To" .. l.name] = { groupType = "TransposeConn", preLayerName = e, postLayerName = l.name,
                                   channelCode = 0, originalConnName = dict, updateGSynFromPostPerspective = true }
      lower, lx, ly, lnf = l.name, ux, uy, l.nf
    end
    return { top = lower, x = lx, y = ly, nf = lnf }
  end

  -- One stream absent (missing-modality generation): its input chain is removed, and its layers are computed top
  -- down from the joint code through the learned dictionaries, as OpenPV reconstructs through a hierarchy: each
  -- layer is the reconstruction from the one above, X_i = Phi_{i+1} X_{i+1} (X_top+1 = a_J), and the generated input
  -- is Phi_1 X_1. The reconstructions stay linear ("linear"): thresholding them as the LCA layers' A = T(V)
  -- ("threshold") silences them, since a reconstruction from a sparse code is weaker than the V it estimates and
  -- every layer below a silent one is blank; "rectified" keeps only their positive part (A = max(V, 0)). The layers
  -- keep their names, so their outputs are named as when present.
  local function generated_stream(input_name, nx, ny, layers)
    local scales, lx, ly = {}, nx / column_side, ny / column_side
    for i, l in ipairs(layers) do
      lx, ly = lx / l.sx, ly / l.sy
      scales[i] = { x = lx, y = ly }
    end
    local n = #layers
    local recon = input_name .. "Recon"
    net[recon] = written({ groupType = "HyPerLayer", nxScale = nx / column_side, nyScale = ny / column_side, nf = 1,
                           phase = 3 + n })
    for i = n, 1, -1 do
      local l = layers[i]
      local t = generation == "threshold" and lambda * l.lambda or generation == "rectified" and 0 or -math.huge
      net[l.name] = { groupType = "ANNLayer", nxScale = scales[i].x, nyScale = scales[i].y, nf = l.nf,
                      phase = 3 + (n - i), VThresh = t, AShift = generation == "threshold" and t or 0,
                      AMin = generation == "linear" and -math.huge or 0, AMax = math.huge }
      local below = i == 1 and recon or layers[i - 1].name
      net[l.name .. "Dict"] = dictionary(l.name, below, l.name .. "Dict", l.nxp, l.nyp, 0)
    end
    return { top = layers[n].name, x = scales[n].x, y = scales[n].y, nf = layers[n].nf, generated = true }
  end

  local files = { Vision = set == "train" and "vision_train.pvp" or "vision_test.pvp",
                  Text = set == "train" and "text_train.pvp" or "text_test.pvp" }
  local tops = {}
  tops.Vision = vision_on and stream("Vision", files.Vision, column_side, column_side, s.vision)
                or generated_stream("Vision", column_side, column_side, s.vision)
  tops.Text = text_on and stream("Text", files.Text, s.text.nx, s.text.ny, s.textLayers)
              or generated_stream("Text", s.text.nx, s.text.ny, s.textLayers)
  if mode == "flip" then
    net.Vision.inputPath = o.data .. "/flip_vision.pvp"
    net.Text.inputPath = o.data .. "/flip_text.pvp"
  end
  -- The vision input paces every run (a new pair, LCA reset, learning); with vision absent an input still must.
  if not vision_on then
    net.Vision = input(files.Vision, column_side, column_side)
  end

  -- The joint layer: one code linked to the top of both streams.
  net.Joint = written(lca(1 / column_side, 1 / column_side, s.joint.nf, s.joint.lambda * (o.joint_lambda or 1)), true)
  for _, m in ipairs({ "Vision", "Text" }) do
    local t = tops[m]
    local clone, e, dict = t.top .. "V", "Joint" .. m .. "Error", "Joint" .. m .. "Dict"
    local nxp, nyp = math.floor(t.x * column_side + 0.5), math.floor(t.y * column_side + 0.5)
    if t.generated then
      net[dict] = dictionary("Joint", t.top, dict, nxp, nyp, 0, joint_head)
    else
      net[clone] = { groupType = "CloneVLayer", originalLayerName = t.top, nxScale = t.x, nyScale = t.y, nf = t.nf,
                     phase = 3 }
      net[e] = { groupType = "HyPerLayer", nxScale = t.x, nyScale = t.y, nf = t.nf, phase = 1 }
      if mode == "flip" and m == "Text" then
        -- Off with the text input: the joint layer sees no text stream at all before the name is added.
        net.TextGateTop = input("flip_gate.pvp", t.x * column_side, t.y * column_side, steps)
        net.TextGateTop.autoResizeFlag = true
        net[e].groupType = "MaskLayer"; net[e].maskMethod = "layer"; net[e].maskLayerName = "TextGateTop"
      end
      net[clone .. "ToError"] = { groupType = "IdentConn", preLayerName = clone, postLayerName = e, channelCode = 0 }
      net[dict] = dictionary("Joint", e, dict, nxp, nyp, 1, joint_head)
      net[e .. "ToJoint"] = { groupType = "TransposeConn", preLayerName = e, postLayerName = "Joint", channelCode = 0,
                              originalConnName = dict, updateGSynFromPostPerspective = true }
      net[e .. "To" .. t.top] = { groupType = "IdentConn", preLayerName = e, postLayerName = t.top,
                                  channelCode = o.feedback and 1 or -1 }
    end
  end
  written(net.Vision1, true)
  if mode == "flip" then
    for _, name in ipairs({ "VisionRecon", "TextRecon" }) do net[name].writeStep = -1 end
  end
  net.JointL0 = { groupType = "L0NormProbe", targetLayer = "Joint", probeOutputFile = "JointL0.txt",
                  triggerLayerName = "Vision", triggerOffset = 1 }
  return net
end

return M
