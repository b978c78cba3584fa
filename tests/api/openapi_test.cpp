// The OpenAPI document against the routes the server really registers.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "api/openapi.hpp"
#include "api/routes.hpp"
#include "support/api_server.hpp"

namespace dichtbij {
namespace {

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    api_ = std::make_unique<testing::ApiServer>(store::Engine::sqlite);
    routes_ = api::make_api_routes({api_->database()});
    const auto answer = api_->get("/api/v1/openapi.json");
    ASSERT_EQ(answer.status, 200);
    document_ = answer.json();
  }

  std::unique_ptr<testing::ApiServer> api_;
  std::vector<api::Route> routes_;
  nlohmann::json document_;
};

TEST_F(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  std::set<std::pair<std::string, std::string>> registered;
  for (const api::Route& route : routes_) {
    registered.emplace(api::openapi_path(route.path),
                       std::string(api::openapi_method_name(route.method)));
  }
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, operations] : document_["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) documented.emplace(path, method);
  }
  EXPECT_EQ(registered, documented);
  EXPECT_GT(registered.size(), 5u);
}

TEST_F(OpenApiTest, EveryOperationHasAUniqueIdAndItsErrorAnswers) {
  std::set<std::string> ids;
  for (const auto& [path, operations] : document_["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      SCOPED_TRACE(method + " " + path);
      ASSERT_TRUE(operation.contains("operationId"));
      EXPECT_TRUE(ids.insert(operation["operationId"].get<std::string>()).second);
      const nlohmann::json& responses = operation["responses"];
      if (method == "post" || method == "put") {
        EXPECT_TRUE(responses.contains("400"));
        EXPECT_TRUE(operation.contains("requestBody"));
      }
      if (path.find("{id}") != std::string::npos) {
        EXPECT_TRUE(responses.contains("404"));
      }
      // Every {parameter} in the path is declared as a path parameter.
      for (std::size_t open = path.find('{'); open != std::string::npos;
           open = path.find('{', open + 1)) {
        const std::string name = path.substr(open + 1, path.find('}', open) - open - 1);
        bool declared = false;
        for (const nlohmann::json& parameter :
             operation.value("parameters", nlohmann::json::array())) {
          declared = declared ||
                     (parameter.value("in", "") == "path" && parameter.value("name", "") == name);
        }
        EXPECT_TRUE(declared) << name;
      }
      for (const auto& [status, response] : responses.items()) {
        if (status[0] == '2') {
          EXPECT_TRUE(response.contains("headers") && response["headers"].contains("API-Version"))
              << status;
        }
      }
    }
  }
}

TEST_F(OpenApiTest, EveryReferenceResolves) {
  std::function<void(const nlohmann::json&)> check = [&](const nlohmann::json& node) {
    if (node.is_object()) {
      if (node.contains("$ref")) {
        const std::string ref = node["$ref"];
        ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
        EXPECT_TRUE(document_.contains(nlohmann::json::json_pointer(ref.substr(1)))) << ref;
      }
      for (const auto& [key, value] : node.items()) check(value);
    } else if (node.is_array()) {
      for (const nlohmann::json& value : node) check(value);
    }
  };
  check(document_);
}

TEST_F(OpenApiTest, InputSchemasMatchWhatTheValidatorAccepts) {
  const nlohmann::json& input = document_["components"]["schemas"]["OrganisationInput"];
  EXPECT_EQ(input["additionalProperties"], false);
  EXPECT_EQ(input["required"], (nlohmann::json{"name", "kind", "formal"}));
  EXPECT_EQ(input["properties"]["name"]["maxLength"], 200);
  EXPECT_EQ(input["properties"]["kind"]["enum"].size(), 9u);
}

TEST_F(OpenApiTest, AnswersCarryOnlyDocumentedFields) {
  const auto created = api_->admin().post(
      "/api/v1/organisations", {{"name", "Buurtteam"}, {"kind", "welfare"}, {"formal", true}});
  ASSERT_EQ(created.status, 201);
  const nlohmann::json& schema = document_["components"]["schemas"]["Organisation"];
  const nlohmann::json answer = created.json();
  for (const auto& [key, value] : answer.items()) {
    EXPECT_TRUE(schema["properties"].contains(key)) << key;
  }
  for (const nlohmann::json& required : schema["required"]) {
    EXPECT_TRUE(answer.contains(required.get<std::string>())) << required;
  }
}

}  // namespace
}  // namespace dichtbij
