// The column's own keys (OpenPV's HyPerCol group): time, size, batch, output, seed, checkpoint settings.
#pragma once
#include <string>

#include "params/param_schema.hpp"

namespace spv {

struct ColumnParams {
  double dt, stopTime, startTime;
  int nx, ny, nbatch;
  std::string outputPath;
  double randomSeed;
  double progressInterval;
  bool writeProgressToErr;
  std::string printParamsFilename;
  bool errorOnNotANumber;
  bool errorOnUnusedParam;
  bool verifyWrites;
  bool checkpointWrite;
  std::string checkpointWriteDir, checkpointWriteTriggerMode;
  double checkpointWriteStepInterval, checkpointWriteTimeInterval, checkpointWriteClockInterval;
  std::string checkpointWriteClockUnit;
  int checkpointIndexWidth;
  bool deleteOlderCheckpoints;
  int numCheckpointsKept;
  bool suppressNonplasticCheckpoints, suppressLastOutput;
  std::string lastCheckpointDir, initializeFromCheckpointDir;
  bool defaultInitializeFromCheckpointFlag;
};

const ParamSchema& column_schema();

}  // namespace spv
