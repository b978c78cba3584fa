#include "server/static_files.hpp"

#include <array>
#include <utility>

#include "api/problem.hpp"

namespace dichtbij::server {

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

// Shown until the web app is built. No inline style or script: the
// Content-Security-Policy allows neither.
constexpr std::string_view kPlaceholderPage = R"(<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dichtbij</title>
</head>
<body>
<main>
<h1>Dichtbij</h1>
<p>Sociale ondersteuning van dichtbij. De server draait; de webapp is nog niet gebouwd.</p>
<p>De API staat op <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>;
de status op <a href="/api/v1/health">/api/v1/health</a>.</p>
</main>
</body>
</html>
)";

bool is_within(const std::filesystem::path& root, const std::filesystem::path& candidate) {
  auto [root_end, candidate_it] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return root_end == root.end();
}

api::Response file_response(const std::filesystem::path& file, std::string_view cache_control) {
  api::Response response;
  response.file_path = file.string();
  response.headers.emplace_back("Content-Type", std::string(StaticFiles::mime_type(file)));
  response.headers.emplace_back("Cache-Control", std::string(cache_control));
  return response;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::canonical(root_, ec);
  if (!ec) root_ = std::move(canonical);
}

std::string_view StaticFiles::mime_type(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},
      {".xml", "application/xml"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

api::Response StaticFiles::serve(std::string_view path, std::string_view request_id) const {
  const std::filesystem::path relative = std::filesystem::path(path).relative_path();
  for (const auto& part : relative) {
    if (part == "..") return api::problem(404, "No such page.", request_id);
  }
  if (path.find('\0') != std::string_view::npos) {
    return api::problem(404, "No such page.", request_id);
  }

  std::error_code ec;
  const std::filesystem::path candidate = std::filesystem::weakly_canonical(root_ / relative, ec);
  if (!ec && is_within(root_, candidate) && std::filesystem::is_regular_file(candidate, ec)) {
    const bool hashed = relative.begin() != relative.end() && *relative.begin() == "assets";
    return file_response(candidate, hashed ? kImmutable : kRevalidate);
  }
  if (relative.has_extension()) return api::problem(404, "No such file.", request_id);

  const std::filesystem::path index = root_ / "index.html";
  if (std::filesystem::is_regular_file(index, ec)) return file_response(index, kRevalidate);

  api::Response placeholder;
  placeholder.body = std::string(kPlaceholderPage);
  placeholder.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  placeholder.headers.emplace_back("Cache-Control", std::string(kRevalidate));
  return placeholder;
}

}  // namespace dichtbij::server
