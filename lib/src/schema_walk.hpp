#pragma once

// The schema walk: checks the YAML trees of a plan's files key by key against the tables of
// parplan/keys.hpp and builds the Plan, reporting every problem with its position.

#include <memory>
#include <string>

#include "file_report.hpp"
#include "parplan/model.hpp"
#include "yaml_tree.hpp"

namespace parplan {

namespace schema {
class Builder;
}

// Files go through one at a time, in order (plan.yaml first, then the field files by name): the
// id and owner tables are shared.
class PlanBuilder {
 public:
  explicit PlanBuilder(std::string directory);
  ~PlanBuilder();
  PlanBuilder(const PlanBuilder&) = delete;
  PlanBuilder& operator=(const PlanBuilder&) = delete;

  void read_plan_file(FileReport& report, const yaml::Node& root);
  void read_field_file(FileReport& report, const yaml::Node& root);
  // Instead of a plan.yaml: a field file read on its own (git's diff driver) borrows the year and
  // owners of an already-loaded plan.
  void use_context(const Plan& context);
  Plan finish();

 private:
  std::unique_ptr<schema::Builder> builder_;
};

}  // namespace parplan
