# Shared by the GPU benchmarks (source it): dsc_gpu_params ROOT FILE BATCH METHOD [STEPS] writes FILE, the DSC-sized
# network (bench/dsc_sized.lua) at batch BATCH with every layer and delivery that can run on the GPU put there and
# the convolutions' deliveryMethod METHOD; STEPS, when given, replaces its stopTime.
dsc_gpu_params() {
  local root=$1 file=$2 batch=$3 method=$4 steps=${5:-}
  cat >"$file" <<LUA
local net = dofile("$root/bench/dsc_sized.lua")
net.column.nbatch = $batch
${steps:+net.column.stopTime = $steps}
for _, g in pairs(net) do
  if g.groupType == "HyPerLCALayer" or g.groupType == "HyPerLayer" then g.updateGpu = true end
end
for _, g in pairs(net) do
  local post = net[g.postLayerName or ""]
  if post and post.updateGpu then g.receiveGpu = true end
  if g.groupType == "HyPerConn" or g.groupType == "TransposeConn" then g.deliveryMethod = "$method" end
end
return net
LUA
}
