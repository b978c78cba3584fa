// /api/v1/organisations over real HTTP, on SQLite and PostgreSQL.
#include <future>
#include <thread>

#include "support/api_server.hpp"
#include "support/engine_test.hpp"

namespace dichtbij {
namespace {

using nlohmann::json;
using testing::ApiServer;
using testing::invalid_param_names;

const json kBuurtteam = {{"name", "Buurtteam Noord"}, {"kind", "welfare"}, {"formal", true}};

class OrganisationsApiTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped()) return;
    ApiServer::Options options;
    options.role = AccountRole::admin;  // organisations and practices are theirs
    api_ = std::make_unique<ApiServer>(engine(), options);
  }

  std::string create(const json& body) {
    const auto created = api_->post("/api/v1/organisations", body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().value("id", "");
  }

  long long total() { return api_->get("/api/v1/organisations").json().value("total", -1LL); }

  std::unique_ptr<ApiServer> api_;
};

TEST_P(OrganisationsApiTest, CreateReadUpdateDelete) {
  const auto created = api_->post("/api/v1/organisations", kBuurtteam);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = created.json()["id"];
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(created.header("Location"), "/api/v1/organisations/" + id);
  EXPECT_EQ(created.header("ETag"), "\"1\"");

  const auto read = api_->get("/api/v1/organisations/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["name"], "Buurtteam Noord");
  EXPECT_EQ(read.json()["kind"], "welfare");
  EXPECT_EQ(read.json()["formal"], true);

  json changed = kBuurtteam;
  changed["name"] = "Buurtteam Amsterdam-Noord";
  const auto updated = api_->put("/api/v1/organisations/" + id, changed, {"If-Match: \"1\""});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.header("ETag"), "\"2\"");
  EXPECT_EQ(api_->get("/api/v1/organisations/" + id).json()["name"], "Buurtteam Amsterdam-Noord");

  EXPECT_EQ(api_->del("/api/v1/organisations/" + id).status, 204);
  EXPECT_EQ(api_->get("/api/v1/organisations/" + id).status, 404);
  EXPECT_EQ(api_->del("/api/v1/organisations/" + id).status, 404);
}

// One row per way a body can be wrong: the answer is 400, names the field,
// and nothing is written.
struct BadBody {
  std::string label;
  std::string body;
  std::vector<std::string> fields;
};

const std::vector<BadBody> kBadBodies = {
    {"missing_name", R"({"kind":"welfare","formal":true})", {"name"}},
    {"empty_name", R"({"name":"  ","kind":"welfare","formal":true})", {"name"}},
    {"name_too_long",
     R"({"name":")" + std::string(201, 'x') + R"(","kind":"welfare","formal":true})",
     {"name"}},
    {"name_wrong_type", R"({"name":42,"kind":"welfare","formal":true})", {"name"}},
    {"unknown_kind", R"({"name":"X","kind":"bakery","formal":true})", {"kind"}},
    {"kind_wrong_type", R"({"name":"X","kind":["welfare"],"formal":true})", {"kind"}},
    {"formal_missing", R"({"name":"X","kind":"welfare"})", {"formal"}},
    {"formal_wrong_type", R"({"name":"X","kind":"welfare","formal":"yes"})", {"formal"}},
    {"unknown_field", R"({"name":"X","kind":"welfare","formal":true,"colour":"red"})", {"colour"}},
    {"several", R"({"name":"","kind":"x"})", {"name", "kind", "formal"}},
    {"not_an_object", R"([1,2])", {"body"}},
    {"malformed_json", R"({"name":)", {"body"}},
};

TEST_P(OrganisationsApiTest, InvalidBodiesAre400NamingEachFieldAndWriteNothing) {
  const std::string id = create(kBuurtteam);
  for (const BadBody& bad : kBadBodies) {
    SCOPED_TRACE(bad.label);
    const auto created = api_->post_raw("/api/v1/organisations", bad.body);
    EXPECT_EQ(created.status, 400) << created.body;
    EXPECT_EQ(created.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(invalid_param_names(created), bad.fields) << created.body;

    const auto updated = api_->send(testing::HttpRequest{"PUT",
                                                         api_->url("/api/v1/organisations/" + id),
                                                         bad.body,
                                                         {"Content-Type: application/json"}});
    EXPECT_EQ(updated.status, 400) << updated.body;
    EXPECT_EQ(invalid_param_names(updated), bad.fields);
  }
  EXPECT_EQ(total(), 1);
  const auto read = api_->get("/api/v1/organisations/" + id);
  EXPECT_EQ(read.json()["name"], "Buurtteam Noord");
  EXPECT_EQ(read.header("ETag"), "\"1\"");
}

TEST_P(OrganisationsApiTest, UnknownAndMalformedIdsAre404) {
  const std::string unknown = "00000000-0000-4000-8000-000000000000";
  EXPECT_EQ(api_->get("/api/v1/organisations/" + unknown).status, 404);
  EXPECT_EQ(api_->get("/api/v1/organisations/not-a-uuid").status, 404);
  EXPECT_EQ(api_->put("/api/v1/organisations/" + unknown, kBuurtteam).status, 404);
  EXPECT_EQ(total(), 0);
}

TEST_P(OrganisationsApiTest, TwoUpdatesFromOneEtagExactlyOneWins) {
  const std::string id = create(kBuurtteam);
  json first = kBuurtteam, second = kBuurtteam;
  first["name"] = "Eerste";
  second["name"] = "Tweede";
  auto a = std::async(std::launch::async, [&] {
    return api_->put("/api/v1/organisations/" + id, first, {"If-Match: \"1\""});
  });
  auto b = std::async(std::launch::async, [&] {
    return api_->put("/api/v1/organisations/" + id, second, {"If-Match: \"1\""});
  });
  const auto ra = a.get(), rb = b.get();
  EXPECT_EQ((ra.status == 200) + (rb.status == 200), 1) << ra.body << rb.body;
  EXPECT_EQ((ra.status == 412) + (rb.status == 412), 1) << ra.body << rb.body;
  const auto read = api_->get("/api/v1/organisations/" + id);
  EXPECT_EQ(read.header("ETag"), "\"2\"");
  EXPECT_EQ(read.json()["name"], ra.status == 200 ? "Eerste" : "Tweede");
}

TEST_P(OrganisationsApiTest, StaleOrMalformedIfMatch) {
  const std::string id = create(kBuurtteam);
  EXPECT_EQ(api_->put("/api/v1/organisations/" + id, kBuurtteam, {"If-Match: \"7\""}).status, 412);
  const auto malformed = api_->put("/api/v1/organisations/" + id, kBuurtteam, {"If-Match: 7"});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(invalid_param_names(malformed), std::vector<std::string>{"If-Match"});
  EXPECT_EQ(api_->get("/api/v1/organisations/" + id).header("ETag"), "\"1\"");
}

TEST_P(OrganisationsApiTest, RepeatedPostWithOneIdempotencyKeyCreatesOneRecord) {
  const auto first = api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: k-1"});
  const auto again = api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: k-1"});
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.json()["id"], first.json()["id"]);
  EXPECT_EQ(again.header("Location"), first.header("Location"));
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(total(), 1);

  json other = kBuurtteam;
  other["name"] = "Iets anders";
  const auto reused = api_->post("/api/v1/organisations", other, {"Idempotency-Key: k-1"});
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(invalid_param_names(reused), std::vector<std::string>{"Idempotency-Key"});
  EXPECT_EQ(total(), 1);

  const auto bad_key = api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: a b"});
  EXPECT_EQ(bad_key.status, 400);
  EXPECT_EQ(total(), 1);
}

TEST_P(OrganisationsApiTest, ConcurrentRetriesWithOneKeyCreateOneRecord) {
  std::vector<std::future<testing::HttpResult>> posts;
  for (int i = 0; i != 4; ++i) {
    posts.push_back(std::async(std::launch::async, [&] {
      return api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: same"});
    }));
  }
  std::set<std::string> ids;
  for (auto& post : posts) {
    const auto result = post.get();
    EXPECT_EQ(result.status, 201) << result.body;
    ids.insert(result.json().value("id", ""));
  }
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(total(), 1);
}

TEST_P(OrganisationsApiTest, AFailedCreateRecordsNoKey) {
  const auto failed =
      api_->post("/api/v1/organisations", json{{"name", "X"}}, {"Idempotency-Key: retry-me"});
  EXPECT_EQ(failed.status, 400);
  const auto fixed = api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: retry-me"});
  EXPECT_EQ(fixed.status, 201) << fixed.body;
}

TEST_P(OrganisationsApiTest, ListsPagesInAStableOrderWithLinks) {
  for (const char* name : {"Eva", "Dirk", "Carla", "Bram", "Anna"}) {
    json body = kBuurtteam;
    body["name"] = std::string("Stichting ") + name;
    create(body);
  }
  const auto first = api_->get("/api/v1/organisations?pageSize=2");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json()["total"], 5);
  EXPECT_EQ(first.json()["items"].size(), 2u);
  EXPECT_EQ(first.json()["items"][0]["name"], "Stichting Anna");
  const std::string link = first.header("Link").value_or("");
  EXPECT_NE(link.find("</api/v1/organisations?page=2&pageSize=2>; rel=\"next\""), std::string::npos)
      << link;
  EXPECT_NE(link.find("</api/v1/organisations?page=3&pageSize=2>; rel=\"last\""), std::string::npos)
      << link;

  const auto last = api_->get("/api/v1/organisations?page=3&pageSize=2");
  ASSERT_EQ(last.json()["items"].size(), 1u);
  EXPECT_EQ(last.json()["items"][0]["name"], "Stichting Eva");
  EXPECT_EQ(api_->get("/api/v1/organisations?page=9").json()["items"].size(), 0u);
}

TEST_P(OrganisationsApiTest, FiltersByKindAndName) {
  create(kBuurtteam);
  create({{"name", "Politie Oost"}, {"kind", "police"}, {"formal", true}});
  create({{"name", "Buurtvaders 100%"}, {"kind", "selfOrganisation"}, {"formal", false}});
  const auto police = api_->get("/api/v1/organisations?kind=police");
  ASSERT_EQ(police.json()["total"], 1);
  EXPECT_EQ(police.json()["items"][0]["name"], "Politie Oost");
  EXPECT_EQ(api_->get("/api/v1/organisations?q=buurt").json()["total"], 2);
  EXPECT_EQ(api_->get("/api/v1/organisations?q=100%25").json()["total"], 1);
  const auto paged = api_->get("/api/v1/organisations?q=buurt&pageSize=1");
  EXPECT_NE(paged.header("Link").value_or("").find("&q=buurt>"), std::string::npos);
}

TEST_P(OrganisationsApiTest, BadQueryParametersAre400) {
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"pageSize=201", "pageSize"},
                                                        {"pageSize=0", "pageSize"},
                                                        {"page=x", "page"},
                                                        {"kind=bakery", "kind"},
                                                        {"colour=red", "colour"}}) {
    const auto result = api_->get("/api/v1/organisations?" + query);
    EXPECT_EQ(result.status, 400) << query;
    EXPECT_EQ(invalid_param_names(result), std::vector<std::string>{field}) << query;
  }
}

TEST_P(OrganisationsApiTest, HostileInputIs4xxNeverA500) {
  // Invalid UTF-8 in a query name or value, a repeated parameter.
  for (const std::string query : {"?%FF=1", "?q=%C3", "?kind=police&kind=welfare"}) {
    const auto result = api_->get("/api/v1/organisations" + query);
    EXPECT_EQ(result.status, 400) << query << ": " << result.body;
  }
  json control = kBuurtteam;
  control["name"] = std::string("Buurt\0team", 10);
  const auto nul = api_->post("/api/v1/organisations", control);
  EXPECT_EQ(nul.status, 400) << nul.body;
  EXPECT_EQ(invalid_param_names(nul), std::vector<std::string>{"name"});
  const auto form = api_->send(testing::HttpRequest{
      "POST", api_->url("/api/v1/organisations"), kBuurtteam.dump(), {"Content-Type: text/plain"}});
  EXPECT_EQ(form.status, 415) << form.body;
  const auto two_keys =
      api_->post("/api/v1/organisations", kBuurtteam, {"Idempotency-Key: a", "Idempotency-Key: b"});
  EXPECT_EQ(two_keys.status, 400);
  EXPECT_EQ(total(), 0);
}

TEST_P(OrganisationsApiTest, DeleteHonoursIfMatch) {
  const std::string id = create(kBuurtteam);
  ASSERT_EQ(api_->put("/api/v1/organisations/" + id, kBuurtteam).status, 200);
  EXPECT_EQ(api_->del("/api/v1/organisations/" + id, {"If-Match: \"1\""}).status, 412);
  EXPECT_EQ(api_->get("/api/v1/organisations/" + id).status, 200);
  EXPECT_EQ(api_->del("/api/v1/organisations/" + id, {"If-Match: \"2\""}).status, 204);
}

DICHTBIJ_INSTANTIATE_ENGINES(OrganisationsApiTest);

}  // namespace
}  // namespace dichtbij
