// Base of every group in a params file that becomes a runtime object (layers, connections, probes), and the build
// passes it takes part in.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/io/output_safety.hpp"
#include "core/run_context.hpp"
#include "params/param_group.hpp"
#include "params/param_schema.hpp"

namespace spv {

class ObjectTable;
class CheckpointRegistry;

class Object {
 public:
  explicit Object(const ParamGroup& group);
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  const std::string& name() const { return name_; }
  const std::string& type() const { return type_; }
  const SourceLocation& where() const { return where_; }
  // Where a key of this object's group was written (the group's location when the key was absent).
  SourceLocation location_of(const std::string& key) const;

  // The schema this object was bound with and its bound params, for the effective-params file.
  virtual const ParamSchema& schema() const = 0;
  virtual const void* params_ptr() const = 0;
  ParamGroup effective_params() const { return schema().unbind(params_ptr(), name_); }
  // What binding saw (keys given, warnings, OpenPV keys without effect); null for types not built by Typed.
  virtual const BindResult* binding() const { return nullptr; }

  // Names of objects that must be resolved and initialised before this one (pass 2 orders by them).
  virtual std::vector<std::string> dependencies() const { return {}; }
  // Pass 3: look up the objects this one names; validate geometry.
  virtual void resolve(ObjectTable&, const RunContext&) {}
  // Pass 4: allocate buffers.
  virtual void allocate(const RunContext&) {}
  // Pass 5: initial values (reads inputs; writes nothing).
  virtual void initialize(const RunContext&) {}
  // The files this object writes in the output directory (relative names, each with the key that asks for it), as
  // its params say. The column checks them all before anything is written, and they are the only names it may stage.
  virtual std::vector<OutputFile> output_files(const RunContext&) const { return {}; }
  // Opens those files: after every object is initialised and every check has passed (ctx.output is set).
  virtual void open_outputs(const RunContext&) {}
  // After the last step: flush and close outputs.
  virtual void finish(const RunContext&) {}
  // Declares the state a checkpoint keeps (after initialize); declared once, written and read by the Checkpointer.
  virtual void register_state(CheckpointRegistry&, const RunContext&) {}
  // Whether a warm start (the column's initializeFromCheckpointDir) loads this object's model state.
  virtual bool initialize_from_checkpoint() const { return false; }
  // Sizes that a restart may not change, as (key, value) pairs; checked against the checkpoint's, naming the key.
  virtual std::vector<std::pair<std::string, long>> checkpoint_shape() const { return {}; }

 protected:
  // A ParamError located at one of this object's keys.
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

 private:
  std::string name_, type_;
  SourceLocation where_;
  std::vector<std::pair<std::string, SourceLocation>> key_locations_;
};

}  // namespace spv
