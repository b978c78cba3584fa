# The two commands a newcomer needs: `make run` and `make test`.
# Both first install whatever Debian (and, once web/ exists, npm) packages
# are missing, so they work on a fresh Debian 12 machine.

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
WERROR := $(if $(CI),ON,OFF)

.PHONY: run test bench fmt clean deps build web

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDICHTBIJ_WERROR=$(WERROR) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target dichtbij

# The web app's production build in web/dist, which `dichtbij serve` serves.
web: deps
	@cd web && npm run --silent build

# Serves on http://127.0.0.1:8080 with the embedded SQLite database in data/.
# An empty database first gets about 300 households of demo data; the demo
# sign-ins are printed (also on later runs, while the demo accounts exist).
run: build web
	@$(BUILD_DIR)/src/dichtbij demo --if-empty --households 300 --seed 1
	$(BUILD_DIR)/src/dichtbij serve

# Both builds (plain and sanitized), every test, SQLite and PostgreSQL.
test: deps
	@scripts/test.sh

bench: build
	@bench/run.sh $(BUILD_DIR)

fmt:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR) build-asan web/dist web/test-results
