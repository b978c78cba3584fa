// What the qualitative analyses of a research project read: its notes and
// codings, as store/research_corpus_query.hpp loads them and
// research/code_analyses.hpp computes over them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dichtbij {

// A project's notes and codings, ids interned to indices so that 200,000
// codings cost no string compares. Codings are ordered by note, then start.
struct CodingCorpus {
  struct Note {
    std::string id;
    std::string practice;
    std::string perspective;
    std::vector<std::string> households;  // linked households, for consent
    bool excluded = false;                // research consent not in force
  };
  struct Coding {
    std::uint32_t note = 0;   // into notes
    std::uint32_t code = 0;   // into codes
    std::uint32_t coder = 0;  // into coders
    std::int64_t start = 0, end = 0;
    std::string id;
  };
  std::vector<Note> notes;
  std::vector<std::string> codes;   // ids
  std::vector<std::string> coders;  // account ids
  std::vector<Coding> codings;
  int codebook_version = 0;
};

}  // namespace dichtbij
