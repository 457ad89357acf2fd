// OpenPV's ParameterSweep: groups "<group>:<key>" listing values; run i sets every swept key to its i-th value.
// Each run gets its own outputPath (and checkpointWriteDir), "<path>/paramsweep_<i>/" (i zero-padded), unless the
// sweep sets them itself, as OpenPV does.
#pragma once
#include <string>
#include <vector>

#include "params/param_group.hpp"

namespace spv {

struct SweepRun {
  ParamDocument doc;      // the params of this run, without sweep groups
  std::string directory;  // "paramsweep_<i>" where outputPath was not swept, else empty
  std::string settings;   // "Group:key = value, ..." of this run, for reports
};

// One run without sweeps: the document minus nothing. Errors (a BatchSweep, unequal value counts, a sweep of a
// missing group, no HyPerCol) name the sweep group and its file and line.
std::vector<SweepRun> expand_parameter_sweeps(const ParamDocument& doc);

}  // namespace spv
