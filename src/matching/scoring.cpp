#include "matching/scoring.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <thread>
#include <unordered_map>

namespace dichtbij::matching {

namespace {

// Small integers for strings, in order of first appearance.
class Interner {
 public:
  int id(const std::string& text) {
    auto [it, added] = ids_.try_emplace(text, static_cast<int>(ids_.size()));
    return it->second;
  }
  [[nodiscard]] std::size_t size() const noexcept { return ids_.size(); }
  [[nodiscard]] std::optional<int> find(const std::string& text) const {
    auto it = ids_.find(text);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string, int> ids_;
};

unsigned kind_bit(HelpKind kind) {
  return 1U << static_cast<unsigned>(kind);
}

unsigned kind_bits(const std::vector<HelpKind>& kinds) {
  unsigned bits = 0;
  for (HelpKind kind : kinds) bits |= kind_bit(kind);
  return bits;
}

void sort_unique(std::vector<int>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// Most of these lists are empty: that case must cost nothing.
inline bool contains(const std::vector<int>& sorted, int value) {
  return !sorted.empty() && std::binary_search(sorted.begin(), sorted.end(), value);
}

}  // namespace

std::string_view constraint_code(Constraint constraint) noexcept {
  switch (constraint) {
    case Constraint::kind: return "kind";
    case Constraint::language: return "language";
    case Constraint::distance: return "distance";
    case Constraint::times: return "times";
    case Constraint::capacity: return "capacity";
    case Constraint::exclusion: return "exclusion";
  }
  return "";
}

std::string_view criterion_code(Criterion criterion) noexcept {
  switch (criterion) {
    case Criterion::base: return "base";
    case Criterion::urgency: return "urgency";
    case Criterion::distance: return "distance";
    case Criterion::interests: return "interests";
    case Criterion::preferred_kind: return "preferredKind";
    case Criterion::continuity: return "continuity";
    case Criterion::spreading: return "spreading";
  }
  return "";
}

Scorer::Scorer(const Problem& problem) : problem_(problem) {
  Interner languages, interests, households, volunteer_ids;
  auto terms = [](Interner& interner, const std::vector<std::string>& texts) {
    Terms terms;
    for (const std::string& text : texts) terms.ids.push_back(interner.id(text));
    sort_unique(terms.ids);
    for (int id : terms.ids) terms.mask |= std::uint64_t{1} << (id % 64);
    return terms;
  };

  volunteers_.reserve(problem.volunteers.size());
  for (const VolunteerInput& input : problem.volunteers) {
    (void)volunteer_ids.id(input.id);
    PreparedVolunteer volunteer;
    volunteer.kinds = kind_bits(input.kinds);
    volunteer.preferred = kind_bits(input.preferred_kinds);
    volunteer.languages = terms(languages, input.languages);
    volunteer.interests = terms(interests, input.interests);
    volunteer.home = input.home;
    volunteer.radius = input.max_distance_km;
    volunteer.times = input.availability.bits();
    volunteer.capacity = input.capacity;
    volunteer.load = input.load;
    for (const std::string& household : input.excluded_households) {
      volunteer.excluded.push_back(households.id(household));
    }
    sort_unique(volunteer.excluded);
    volunteers_.push_back(std::move(volunteer));
  }
  for (const EarlierHelper& earlier : problem.earlier_helpers) {
    if (std::optional<int> volunteer = volunteer_ids.find(earlier.volunteer)) {
      volunteers_[*volunteer].helped.push_back(households.id(earlier.household));
    }
  }
  for (PreparedVolunteer& volunteer : volunteers_) sort_unique(volunteer.helped);

  Interner request_ids;
  requests_.reserve(problem.requests.size());
  for (const RequestInput& input : problem.requests) {
    (void)request_ids.id(input.id);
    PreparedRequest request;
    request.kind_bit = kind_bit(input.kind);
    request.languages = terms(languages, input.languages);
    request.interests = terms(interests, input.interests);
    request.location = input.location;
    request.times = input.wished_times.bits();
    request.urgency = static_cast<int>(input.urgency);
    request.household = households.id(input.household);
    requests_.push_back(std::move(request));
  }
  for (const DeclinedPair& pair : problem.declined) {
    std::optional<int> request = request_ids.find(pair.request);
    std::optional<int> volunteer = volunteer_ids.find(pair.volunteer);
    if (request && volunteer) requests_[*request].declined.push_back(*volunteer);
  }
  for (PreparedRequest& request : requests_) sort_unique(request.declined);

  std::map<std::pair<double, double>, std::size_t> spot_of;
  for (int v = 0; v != volunteers(); ++v) {
    const PreparedVolunteer& volunteer = volunteers_[v];
    if (free_places(v) == 0) continue;
    auto [it, added] =
        spot_of.try_emplace({volunteer.home.east_km, volunteer.home.north_km}, spots_.size());
    if (added) spots_.push_back(Spot{volunteer.home, {}});
    for (std::size_t kind = 0; kind != kKinds; ++kind) {
      if ((volunteer.kinds >> kind) & 1U) {
        spots_[it->second].by_kind[kind].push_back(
            {volunteer.radius, volunteer.times, volunteer.languages.mask, v});
      }
    }
  }
  for (Spot& spot : spots_) {
    for (std::vector<Reachable>& list : spot.by_kind) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Reachable& a, const Reachable& b) { return a.radius > b.radius; });
    }
  }
  language_masks_collide_ = languages.size() > 64;
}

int Scorer::shared(const Terms& a, const Terms& b) noexcept {
  if ((a.mask & b.mask) == 0) return 0;
  int count = 0;
  auto i = a.ids.begin();
  auto j = b.ids.begin();
  while (i != a.ids.end() && j != b.ids.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++count, ++i, ++j;
    }
  }
  return count;
}

std::optional<Constraint> Scorer::violated(int r, int v) const {
  const PreparedRequest& request = requests_[r];
  const PreparedVolunteer& volunteer = volunteers_[v];
  if ((request.kind_bit & volunteer.kinds) == 0) return Constraint::kind;
  if (shared(request.languages, volunteer.languages) == 0) return Constraint::language;
  if (distance_km(request.location, volunteer.home) > volunteer.radius) return Constraint::distance;
  if ((request.times & volunteer.times) == 0) return Constraint::times;
  if (free_places(v) == 0) return Constraint::capacity;
  if (contains(volunteer.excluded, request.household) || contains(request.declined, v)) {
    return Constraint::exclusion;
  }
  return std::nullopt;
}

PairScore Scorer::score(int r, int v) const {
  const PreparedRequest& request = requests_[r];
  const PreparedVolunteer& volunteer = volunteers_[v];
  const Weights& weights = problem_.weights;
  PairScore score;
  auto set = [&score](Criterion criterion, int points) {
    score.points[static_cast<std::size_t>(criterion)] = points;
    score.total += points;
  };
  set(Criterion::base, weights.base);
  set(Criterion::urgency, weights.urgency_step * request.urgency);
  const double nearness =
      volunteer.radius > 0 ? 1.0 - distance_km(request.location, volunteer.home) / volunteer.radius
                           : 1.0;
  set(Criterion::distance,
      static_cast<int>(std::lround(weights.distance * std::clamp(nearness, 0.0, 1.0))));
  set(Criterion::interests,
      std::min(weights.max_shared_interests,
               weights.per_shared_interest * shared(request.interests, volunteer.interests)));
  set(Criterion::preferred_kind,
      (request.kind_bit & volunteer.preferred) ? weights.preferred_kind : 0);
  set(Criterion::continuity,
      contains(volunteer.helped, request.household) ? weights.continuity : 0);
  return score;
}

int Scorer::free_places(int v) const noexcept {
  return std::max(0, volunteers_[v].capacity - volunteers_[v].load);
}

int Scorer::spreading(int v, int k) const noexcept {
  const PreparedVolunteer& volunteer = volunteers_[v];
  const int free_before = volunteer.capacity - volunteer.load - k;
  return static_cast<int>(std::lround(static_cast<double>(problem_.weights.spreading) *
                                      free_before / volunteer.capacity));
}

void Scorer::candidates_of(int first, int last, std::vector<Candidate>& found) const {
  std::vector<int> volunteers;
  for (int r = first; r != last; ++r) {
    const PreparedRequest& request = requests_[r];
    const std::size_t kind = static_cast<std::size_t>(std::countr_zero(request.kind_bit));
    volunteers.clear();
    for (const Spot& spot : spots_) {
      const double distance = distance_km(request.location, spot.location);
      for (const Reachable& reachable : spot.by_kind[kind]) {
        if (reachable.radius < distance) break;
        if ((reachable.times & request.times) == 0 ||
            (reachable.languages & request.languages.mask) == 0) {
          continue;
        }
        const int v = reachable.volunteer;
        const PreparedVolunteer& volunteer = volunteers_[v];
        if (language_masks_collide_ && shared(request.languages, volunteer.languages) == 0) {
          continue;
        }
        if (contains(volunteer.excluded, request.household) || contains(request.declined, v)) {
          continue;
        }
        volunteers.push_back(v);
      }
    }
    std::sort(volunteers.begin(), volunteers.end());
    for (int v : volunteers) found.push_back(Candidate{r, v, score(r, v).total});
  }
}

std::vector<Candidate> Scorer::candidates() const {
  // Requests are independent: slices of them are scanned on the cores there
  // are, and the slices joined in request order, so the result is the same
  // however many threads ran.
  constexpr int kRequestsPerThread = 512;
  const int threads = std::clamp(std::min(static_cast<int>(std::thread::hardware_concurrency()), 4),
                                 1, std::max(1, requests() / kRequestsPerThread));
  std::vector<std::vector<Candidate>> slices(static_cast<std::size_t>(threads));
  const int per_slice = (requests() + threads - 1) / threads;
  auto scan = [&](int slice) {
    const int first = std::min(requests(), slice * per_slice);
    candidates_of(first, std::min(requests(), first + per_slice), slices[slice]);
  };
  std::vector<std::thread> helpers;
  for (int slice = 1; slice < threads; ++slice) helpers.emplace_back(scan, slice);
  scan(0);
  for (std::thread& helper : helpers) helper.join();
  std::vector<Candidate> found = std::move(slices[0]);
  for (std::size_t slice = 1; slice < slices.size(); ++slice) {
    found.insert(found.end(), slices[slice].begin(), slices[slice].end());
  }
  return found;
}

double Scorer::distance(int r, int v) const noexcept {
  return distance_km(requests_[r].location, volunteers_[v].home);
}

std::vector<std::string> Scorer::shared_interests(int r, int v) const {
  std::vector<std::string> names;
  for (const std::string& interest : problem_.requests[r].interests) {
    const std::vector<std::string>& theirs = problem_.volunteers[v].interests;
    if (std::find(theirs.begin(), theirs.end(), interest) != theirs.end() &&
        std::find(names.begin(), names.end(), interest) == names.end()) {
      names.push_back(interest);
    }
  }
  return names;
}

}  // namespace dichtbij::matching
