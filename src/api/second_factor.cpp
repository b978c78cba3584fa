#include "api/second_factor.hpp"

#include <algorithm>

#include "access/recovery_codes.hpp"
#include "access/totp.hpp"
#include "api/openapi.hpp"
#include "api/operation_docs.hpp"
#include "api/problem.hpp"

namespace dichtbij::api {

namespace {

constexpr std::size_t kMaxRecoveryCodeLength = 32;  // 16 characters with dashes and spaces

struct SetupInput {
  std::string password;
};

void read_setup(FieldReader& reader, SetupInput& input) {
  reader.text("password", input.password, 256,
              "The account's password again, so that a session left open cannot tie the "
              "account to someone else's authenticator.");
}

struct ConfirmationInput {
  std::string code;
};

bool is_six_digits(std::string_view code) {
  return code.size() == static_cast<std::size_t>(access::kTotpDigits) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A required "code": six digits from the authenticator.
void read_current_code(FieldReader& reader, std::string& code, std::string_view description) {
  reader.text("code", code, static_cast<std::size_t>(access::kTotpDigits), description);
  if (!code.empty() && !is_six_digits(code)) {
    reader.add_error("code", "must be the 6 digits the authenticator app shows");
  }
}

void read_confirmation(FieldReader& reader, ConfirmationInput& input) {
  read_current_code(reader, input.code,
                    "The 6-digit code the authenticator app shows now, proving it holds the "
                    "secret.");
}

void read_renewal(FieldReader& reader, ConfirmationInput& input) {
  read_current_code(reader, input.code,
                    "The 6-digit code the authenticator app shows now: only the holder of the "
                    "authenticator renews the codes that stand in for it.");
}

void read_disabling(FieldReader& reader, access::SecondFactorProof& proof) {
  read_second_factor_proof(reader, proof, "The 6-digit code the authenticator app shows now.",
                           "One of the account's unused recovery codes, instead of a code.");
}

std::string_view state_code(access::SecondFactorState state) {
  switch (state) {
    case access::SecondFactorState::none: return "none";
    case access::SecondFactorState::pending: return "pending";
    case access::SecondFactorState::active: return "active";
  }
  return "none";
}

Response status(access::SecondFactors& second_factors, const Request& request) {
  Result<access::SecondFactorStatus> found = second_factors.status(*request.actor);
  if (!found.ok()) return problem(found.error(), request.request_id);
  return Response::json(200, {{"state", state_code(found->state)},
                              {"required", found->required},
                              {"unusedRecoveryCodes", found->unused_recovery_codes}});
}

Response enrol(access::SecondFactors& second_factors, const Request& request) {
  Result<SetupInput> input = read_input(request, &read_setup);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<access::Enrolment> enrolment = second_factors.enrol(*request.actor, input->password);
  if (!enrolment.ok()) return problem(enrolment.error(), request.request_id);
  return Response::json(201, {{"secret", enrolment->secret},
                              {"otpauthUri", enrolment->otpauth_uri},
                              {"algorithm", "SHA1"},
                              {"digits", access::kTotpDigits},
                              {"period", access::kTotpStep.count()}});
}

Response confirm(access::SecondFactors& second_factors, const Request& request) {
  Result<ConfirmationInput> input = read_input(request, &read_confirmation);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<std::vector<std::string>> codes =
      second_factors.confirm(*request.actor, input->code, request.client_address);
  if (!codes.ok()) return problem(codes.error(), request.request_id);
  return Response::json(201, {{"recoveryCodes", *codes}});
}

Response renew_recovery_codes(access::SecondFactors& second_factors, const Request& request) {
  Result<ConfirmationInput> input = read_input(request, &read_renewal);
  if (!input.ok()) return problem(input.error(), request.request_id);
  Result<std::vector<std::string>> codes =
      second_factors.regenerate_recovery_codes(*request.actor, input->code, request.client_address);
  if (!codes.ok()) return problem(codes.error(), request.request_id);
  return Response::json(201, {{"recoveryCodes", *codes}});
}

Response disable(access::SecondFactors& second_factors, const Request& request) {
  Result<access::SecondFactorProof> proof = read_input(request, &read_disabling);
  if (!proof.ok()) return problem(proof.error(), request.request_id);
  if (Result<void> done = second_factors.disable(*request.actor, *proof, request.client_address);
      !done.ok()) {
    return problem(done.error(), request.request_id);
  }
  return no_content();
}

// The answers of the POST routes here: created, or a problem.
nlohmann::json created_or_problem(std::string_view description, std::string_view schema) {
  return {{"201", json_answer(description, schema)},
          {"400", component_ref("responses", "BadRequest")},
          {"409", component_ref("responses", "Conflict")},
          {"429", component_ref("responses", "TooManyRequests")},
          {"503", component_ref("responses", "ServiceUnavailable")}};
}

}  // namespace

void read_second_factor_proof(FieldReader& reader, access::SecondFactorProof& proof,
                              std::string_view code_description,
                              std::string_view recovery_code_description) {
  reader.optional_text("code", proof.code, static_cast<std::size_t>(access::kTotpDigits),
                       code_description);
  reader.optional_text("recoveryCode", proof.recovery_code, kMaxRecoveryCodeLength,
                       recovery_code_description);
  if (proof.code && !is_six_digits(*proof.code)) {
    reader.add_error("code", "must be the 6 digits the authenticator app shows");
  }
  if (proof.code && proof.recovery_code) {
    reader.add_error("recoveryCode", "send either code or recoveryCode, not both");
  }
}

void add_second_factor_routes(ApiRegistry& registry,
                              std::shared_ptr<access::SecondFactors> second_factors) {
  const std::string path = std::string(kApiBasePath) + "/session/second-factor";
  const nlohmann::json tags{"Session"};

  registry.routes.push_back(
      Route{Method::get, path,
            [second_factors](const Request& request) { return status(*second_factors, request); },
            nlohmann::json{
                {"operationId", "getSecondFactor"},
                {"summary", "The signed-in account's second factor"},
                {"description",
                 "Whether the account has a second factor (none, pending confirmation, or active), "
                 "whether its role requires one, and how many recovery codes are left."},
                {"tags", tags},
                {"responses",
                 {{"200", json_answer("The second factor's state.", "SecondFactor")},
                  {"503", component_ref("responses", "ServiceUnavailable")}}}}
                .dump(),
            true, RoleSet::every()});
  registry.routes.push_back(
      Route{Method::post, path,
            [second_factors](const Request& request) { return enrol(*second_factors, request); },
            nlohmann::json{
                {"operationId", "enrolSecondFactor"},
                {"summary", "Start setting up a second factor"},
                {"description",
                 "Makes a new TOTP secret (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for an "
                 "authenticator app, as base32 text and as an otpauth:// URI for a QR code. It is "
                 "pending, and signing in does not ask for it, until a code from the app confirms "
                 "it. Starting again replaces a pending secret. Needs the password again; a wrong "
                 "one is 403 and counts as a failed sign-in."},
                {"tags", tags},
                {"requestBody", json_request_body("SecondFactorSetup")},
                {"responses", created_or_problem("The pending secret.", "SecondFactorSecret")}}
                .dump(),
            true, RoleSet::every()});
  registry.routes.push_back(Route{
      Method::post, path + "/confirmation",
      [second_factors](const Request& request) { return confirm(*second_factors, request); },
      nlohmann::json{
          {"operationId", "confirmSecondFactor"},
          {"summary", "Confirm the second factor with a first code"},
          {"description",
           "Activates the pending second factor when the code fits, and answers its ten "
           "recovery codes: they are shown this once and stored only as hashes; each signs in "
           "once in place of a code. A wrong code is 400 naming `code`, and counts as a failed "
           "sign-in. From now on signing in needs a code."},
          {"tags", tags},
          {"requestBody", json_request_body("SecondFactorConfirmation")},
          {"responses", created_or_problem("Active; the recovery codes.", "RecoveryCodes")}}
          .dump(),
      true, RoleSet::every()});
  registry.routes.push_back(Route{
      Method::post, path + "/recovery-codes",
      [second_factors](const Request& request) {
        return renew_recovery_codes(*second_factors, request);
      },
      nlohmann::json{
          {"operationId", "renewRecoveryCodes"},
          {"summary", "Replace the recovery codes with ten new ones"},
          {"description",
           "For the signed-in account's own active second factor: answers ten new recovery "
           "codes, shown this once, and every earlier code, used or not, stops working. Needs "
           "the `code` the authenticator shows now, not a recovery code (OWASP ASVS L2 V3.7.1: "
           "an account change needs a fresh verification; the codes stand in for the "
           "authenticator, so it is the one asked), and spends it as a sign-in would. A wrong code "
           "is 400 naming `code` and counts as a failed sign-in; 409 when "
           "the account has no active second factor. Recorded in the audit log."},
          {"tags", tags},
          {"requestBody", json_request_body("RecoveryCodeRenewal")},
          {"responses", created_or_problem("The new recovery codes.", "RecoveryCodes")}}
          .dump(),
      true, RoleSet::every()});
  registry.routes.push_back(Route{
      Method::delete_, path,
      [second_factors](const Request& request) { return disable(*second_factors, request); },
      nlohmann::json{
          {"operationId", "disableSecondFactor"},
          {"summary", "Switch the second factor off"},
          {"description",
           "Removes the second factor and its recovery codes. An active one needs a current "
           "`code` or an unused `recoveryCode` in the body (a wrong one is 400 and counts as a "
           "failed sign-in); a pending one needs nothing. 403 when the account's role requires "
           "a second factor: then only an administrator can reset it."},
          {"tags", tags},
          {"requestBody", json_request_body("SecondFactorProof")},
          {"responses",
           {{"204",
             {{"description", "Switched off."},
              {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}}}},
            {"400", component_ref("responses", "BadRequest")},
            {"429", component_ref("responses", "TooManyRequests")},
            {"503", component_ref("responses", "ServiceUnavailable")}}}}
          .dump(),
      true, RoleSet::every()});

  registry.schemas["SecondFactorSetup"] = input_schema(&read_setup);
  registry.schemas["SecondFactorConfirmation"] = input_schema(&read_confirmation);
  registry.schemas["RecoveryCodeRenewal"] = input_schema(&read_renewal);
  registry.schemas["SecondFactorProof"] = input_schema(&read_disabling);
  registry.schemas["SecondFactor"] = {
      {"type", "object"},
      {"required", {"state", "required", "unusedRecoveryCodes"}},
      {"properties",
       {{"state",
         {{"type", "string"},
          {"enum", {"none", "pending", "active"}},
          {"description", "pending: set up, waiting for the first code."}}},
        {"required",
         {{"type", "boolean"}, {"description", "The account's role must use a second factor."}}},
        {"unusedRecoveryCodes", {{"type", "integer"}, {"format", "int32"}}}}}};
  registry.schemas["SecondFactorSecret"] = {
      {"type", "object"},
      {"required", {"secret", "otpauthUri", "algorithm", "digits", "period"}},
      {"properties",
       {{"secret",
         {{"type", "string"}, {"description", "160 bits, RFC 4648 base32, for typing in."}}},
        {"otpauthUri",
         {{"type", "string"},
          {"description", "The Key URI an authenticator reads from a QR code."}}},
        {"algorithm", {{"type", "string"}, {"enum", {"SHA1"}}}},
        {"digits", {{"type", "integer"}, {"format", "int32"}}},
        {"period", {{"type", "integer"}, {"format", "int32"}, {"description", "Seconds."}}}}}};
  registry.schemas["RecoveryCodes"] = {
      {"type", "object"},
      {"required", {"recoveryCodes"}},
      {"properties",
       {{"recoveryCodes",
         {{"type", "array"},
          {"description", "Ten single-use codes; keep them apart from the authenticator."},
          {"items", {{"type", "string"}}}}}}}};
}

}  // namespace dichtbij::api
