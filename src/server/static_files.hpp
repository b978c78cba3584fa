// StaticFiles: the web app's built files, served as a single-page app.
//
// A path that names a file under the root gets that file with its MIME type.
// Files under /assets/ carry a content hash in their name (Vite), so they are
// cached for a year; everything else is revalidated on every load so a new
// release shows at once. A path without a file extension that names no file
// is a client-side route and gets index.html. When the root has no
// index.html (the web app is not built), a placeholder page says so.
//
// Thread-safe: serve() only reads the file system.
#pragma once

#include <filesystem>
#include <string_view>

#include "api/http.hpp"

namespace dichtbij::server {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // The answer for GET of this percent-decoded path. A path that would leave
  // the root (.., symbolic links out) is a 404, as is a missing file that
  // has an extension (a missing asset is a bug to see, not a page).
  [[nodiscard]] api::Response serve(std::string_view path, std::string_view request_id) const;

  // The MIME type for a file name, by extension; application/octet-stream
  // when unknown.
  [[nodiscard]] static std::string_view mime_type(const std::filesystem::path& file);

 private:
  std::filesystem::path root_;  // canonical when it exists
};

}  // namespace dichtbij::server
