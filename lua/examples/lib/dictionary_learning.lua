-- Pieces shared by the examples' sparse-coding networks: an input, its residual layer, an LCA code and a dictionary
-- from the code into the residual with its transpose back into the code. Here are the connections, the energy
-- probes, and how a dictionary learns. Used by ../spike_sorting.lua and ../v1_natural.lua.
local M = {}

-- An LCA code with a soft threshold lambda (AMin 0, so non-negative), started from V = 0 and reset at each new
-- input of o.trigger (shown for o.period steps), written (sparse) at the end of each input when o.write is true.
-- o: nf, lambda, tau, trigger, period, write, scale (nxScale and nyScale, default 1).
function M.lca_layer(o)
  return { groupType = "HyPerLCALayer", nxScale = o.scale or 1, nyScale = o.scale or 1, nf = o.nf, phase = 2,
           InitVType = "ZeroV", VThresh = o.lambda, AShift = o.lambda, AMin = 0, AMax = math.huge, VWidth = 0,
           timeConstantTau = o.tau, selfInteract = true, triggerLayerName = o.trigger,
           triggerBehavior = "resetStateOnTrigger", sparseLayer = true, writeStep = o.write and o.period or -1,
           initialWriteTime = o.period }
end

-- Adds net[input .. "To" .. residual] (the input into the residual), net[dictionary] (code -> residual on the
-- inhibitory channel, nxp x nyp patches, each element at unit L2 norm) and net[residual .. "To" .. code] (its
-- transpose, the residual back into the code). o: input, residual, code, dictionary, nxp, nyp.
function M.connect(net, o)
  net[o.input .. "To" .. o.residual] = { groupType = "IdentConn", preLayerName = o.input,
                                         postLayerName = o.residual, channelCode = 0 }
  net[o.dictionary] = { groupType = "MomentumConn", preLayerName = o.code, postLayerName = o.residual,
                        channelCode = 1, nxp = o.nxp, nyp = o.nyp, normalizeMethod = "normalizeL2", strength = 1 }
  net[o.residual .. "To" .. o.code] = { groupType = "TransposeConn", preLayerName = o.residual,
                                        postLayerName = o.code, channelCode = 0, originalConnName = o.dictionary }
end

-- EnergyProbe: 1/2 |residual|^2 (residual .. "L2Probe") + lambda |code|_1 (code .. "L1Probe"), written at the last
-- step of each input (the code converged). o: trigger (the input layer), residual, code.
function M.energy_probes(net, o)
  local function at_end(probe)
    probe.triggerLayerName, probe.triggerOffset = o.trigger, 1
    return probe
  end
  net.EnergyProbe = at_end({ groupType = "ColumnEnergyProbe", probeOutputFile = "EnergyProbe.txt" })
  net[o.residual .. "L2Probe"] = at_end({ groupType = "L2NormProbe", targetLayer = o.residual,
                                          probeOutputFile = o.residual .. "L2Probe.txt", energyProbe = "EnergyProbe",
                                          coefficient = 0.5, exponent = 2 })
  net[o.code .. "L1Probe"] = at_end({ groupType = "L1NormLCAProbe", targetLayer = o.code,
                                      probeOutputFile = o.code .. "L1Probe.txt", energyProbe = "EnergyProbe" })
end

-- The dictionary learns at the last step of each input from its converged code and residual (viscosity momentum
-- of time constant o.tau, normalised after each update); dWMax starts at o.dWMax and is multiplied by
-- 1 - o.decay_factor every o.decay_interval updates; only the learned dictionary is written, at o.stop (FileWeight
-- reads a file's frame 0). o: trigger, dWMax, decay_interval, decay_factor, tau, stop.
function M.learn(dictionary, o)
  dictionary.plasticityFlag          = true
  dictionary.triggerLayerName        = o.trigger
  dictionary.triggerOffset           = 1
  dictionary.dWMax                   = o.dWMax
  dictionary.dWMaxDecayInterval      = o.decay_interval
  dictionary.dWMaxDecayFactor        = o.decay_factor
  dictionary.momentumMethod          = "viscosity"
  dictionary.timeConstantTau         = o.tau
  dictionary.normalizeOnWeightUpdate = true
  dictionary.writeStep               = o.stop
  dictionary.initialWriteTime        = o.stop
end

-- The dictionary is read from a weight file and fixed.
function M.read(dictionary, file)
  dictionary.weightInitType  = "FileWeight"
  dictionary.initWeightsFile = file
end

return M
