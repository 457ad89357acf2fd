#include "core/column_params.hpp"

namespace spv {

const ParamSchema& column_schema() {
  static const ParamSchema schema = [] {
    using namespace checks;
    using P = ColumnParams;
    ParamSchema s("HyPerCol", "The column: owns time, the global size that layer scales refer to, and outputs.");
    SchemaBuilder<P>(s)
        .key("dt", &P::dt, 1.0, "time advanced by one step", {positive()})
        .key("stopTime", &P::stopTime, 0.0, "the run ends when time reaches stopTime (OpenPV's default 0: no steps)",
             {non_negative()})
        .key("startTime", &P::startTime, 0.0, "time at the start of the run", {non_negative()})
        .key("nx", &P::nx, Required, "global width that nxScale = 1 refers to", {at_least(1)})
        .key("ny", &P::ny, Required, "global height that nyScale = 1 refers to", {at_least(1)})
        .key("nbatch", &P::nbatch, 1, "batch elements run side by side", {at_least(1)})
        .key("outputPath", &P::outputPath, std::string("output"), "directory for every output file (-o overrides)",
             {non_empty_path()})
        .key("randomSeed", &P::randomSeed, 1234567890.0, "seed of every random draw (-s overrides)",
             {non_negative(), integer()})
        .key("progressInterval", &P::progressInterval, 1.0,
             "simulated time between progress lines in a log (default: about one line per second of wall time; a "
             "terminal gets one line rewritten in place)",
             {positive()})
        .key("writeProgressToErr", &P::writeProgressToErr, false, "progress lines go to stderr instead of stdout")
        .key("printParamsFilename", &P::printParamsFilename, std::string("pv.params"),
             "effective params file in the output directory (and the same with .lua appended)")
        .key("errorOnNotANumber", &P::errorOnNotANumber, false, "stop with an error when a layer holds NaN or inf")
        .key("errorOnUnusedParam", &P::errorOnUnusedParam, false,
             "an OpenPV key that has no effect in sparsepv is an error instead of a warning")
        .key("verifyWrites", &P::verifyWrites, false, "accepted for OpenPV files; writes are always checked")
        .key("checkpointWrite", &P::checkpointWrite, false, "write checkpoints (the restart issue implements them)")
        .key("checkpointWriteDir", &P::checkpointWriteDir, Nil,
             "directory of checkpoints; neither the output directory nor one containing it (a subdirectory of it "
             "that no output file uses is fine)")
        .key("checkpointWriteTriggerMode", &P::checkpointWriteTriggerMode, std::string("step"),
             "what triggers a checkpoint", {one_of({"step", "time", "clock"})})
        .key("checkpointWriteStepInterval", &P::checkpointWriteStepInterval, 1.0, "steps between checkpoints",
             {positive()})
        .key("checkpointWriteTimeInterval", &P::checkpointWriteTimeInterval, 1.0, "time between checkpoints",
             {positive()})
        .key("checkpointWriteClockInterval", &P::checkpointWriteClockInterval, 1.0,
             "wall-clock time between checkpoints", {positive()})
        .key("checkpointWriteClockUnit", &P::checkpointWriteClockUnit, std::string("seconds"),
             "unit of checkpointWriteClockInterval", {one_of({"seconds", "minutes", "hours", "days"})})
        .key("checkpointIndexWidth", &P::checkpointIndexWidth, -1, "digits of the step in checkpoint names; -1 auto",
             {at_least(-1)})
        .key("deleteOlderCheckpoints", &P::deleteOlderCheckpoints, false, "prune old checkpoints")
        .key("numCheckpointsKept", &P::numCheckpointsKept, 1, "checkpoints kept when pruning", {at_least(1)})
        .key("suppressNonplasticCheckpoints", &P::suppressNonplasticCheckpoints, false,
             "leave weights that do not learn out of checkpoints")
        .key("suppressLastOutput", &P::suppressLastOutput, false, "skip the final checkpoint")
        .key("lastCheckpointDir", &P::lastCheckpointDir, Nil,
             "final checkpoint (default <outputPath>/Last); neither the output directory nor one containing it, and "
             "apart from checkpointWriteDir")
        .key("initializeFromCheckpointDir", &P::initializeFromCheckpointDir, Nil,
             "warm start: load state from this checkpoint, then start at t = 0")
        .key("defaultInitializeFromCheckpointFlag", &P::defaultInitializeFromCheckpointFlag, true,
             "when given: the initializeFromCheckpointFlag of every object that leaves it out (absent: layers true, "
             "connections false)");
    return s;
  }();
  return schema;
}

}  // namespace spv
