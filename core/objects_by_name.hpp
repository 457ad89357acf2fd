// A column's objects of one kind (layers, connections, probes) in name order: what the reports of a build list.
#pragma once
#include <algorithm>
#include <vector>

#include "core/column.hpp"

namespace spv {

template <class T>
std::vector<const T*> objects_by_name(const Column& column) {
  std::vector<const T*> found;
  for (const auto& o : column.objects().objects())
    if (const auto* t = dynamic_cast<const T*>(o.get())) found.push_back(t);
  std::sort(found.begin(), found.end(), [](const T* a, const T* b) { return a->name() < b->name(); });
  return found;
}

}  // namespace spv
