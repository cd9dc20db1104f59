# The two commands a newcomer needs (see README):
#   make serve   build the site and serve it on http://127.0.0.1:8080 with a local signup receiver
#   make test    run every test: host, browser components, end to end
# Both install what is missing first.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080
RECEIVER_PORT ?= 8787
# `make serve` and `make test` build for this machine: signatures go to the local receiver.
LOCAL := SIGNUP_CONFIG=config/signup.local.toml LOCAL_BUILD=1

.PHONY: serve test test-host test-browser test-e2e dist bench

serve:
	scripts/setup.sh build
	$(LOCAL) scripts/build.sh
	cargo build --release -p signup-receiver
	@echo "Open http://127.0.0.1:$(PORT)/ — signatures go to the local receiver on port $(RECEIVER_PORT),"
	@echo "which appends them to receiver-data/signatures.jsonl. Ctrl-C stops both."
	target/release/signup-receiver --addr 127.0.0.1:$(RECEIVER_PORT) --site http://127.0.0.1:$(PORT) & \
	  trap 'kill $$!' EXIT INT TERM; \
	  node tests/support/static-server.mjs --dir dist --port $(PORT) --headers

test:
	scripts/setup.sh build browser npm
	$(MAKE) --no-print-directory test-host test-browser dist test-e2e

# 1. The Leptos-free core and the content, on the host.
test-host:
	cargo test --workspace --features campaign-core/build

# 2. Components in headless Chromium.
test-browser:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --features csr --test browser

# Both languages (scripts/build.sh): English in dist/, Spanish in dist/es/.
dist:
	$(LOCAL) scripts/build.sh
	# The same site for a subfolder, as staff embedding it under an existing domain would build it.
	$(LOCAL) SITE_BASE=/campaigns/immigration scripts/build.sh --dist target/dist-subfolder

# 3. Whole journeys against the release build, served like a static host; and the deploy
#    recipes in deploy/ against stand-ins.
test-e2e:
	cargo build -p signup-receiver
	npm run --silent e2e
	node --test tests/deploy/

# Sizes of everything in dist/, and of a first visit (see README, "Size").
bench:
	scripts/setup.sh build npm
	$(LOCAL) scripts/build.sh
	node scripts/bench.mjs
