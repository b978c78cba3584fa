// A page of a list, as repositories return it.
#pragma once

#include <vector>

namespace dichtbij {

struct Paging {
  long long offset = 0;
  int limit = 50;
};

template <typename T>
struct Page {
  std::vector<T> items;
  long long total = 0;  // across all pages
};

}  // namespace dichtbij
