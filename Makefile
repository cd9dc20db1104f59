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
# The prerenderer's build settings (scripts/post-build.sh): the pages' tests share its build.
PRERENDER := CARGO_TARGET_DIR=target/prerender RUSTFLAGS="--cfg erase_components"

# Every cargo build in `make test` lints as it compiles: clippy's lints, with -D warnings, on the
# workspace's own crates (clippy-driver in place of rustc for them, as `cargo clippy` runs it).
# So each of the builds' configurations (the host crates, the prerenderer and component tests,
# the components in the browser, the site's and the signer's release wasm) is linted in the one
# compile it needs anyway, instead of in a compile of its own. `make lint` lints on its own.
LINTED := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__

.PHONY: serve test lint fmt test-host test-browser test-e2e dist bench check-endpoint consents

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
	$(LINTED) scripts/time-steps.sh fmt test-host test-browser dist test-e2e

# 0. One way to format.
fmt:
	cargo fmt --all -- --check

# No lint warnings, on the host and for the browser, in every configuration, on their own (make
# test lints as it builds instead: see LINTED).
lint: fmt
	cargo clippy --workspace --exclude truah-campaign --all-targets --features campaign-core/build -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p campaign-signer --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p truah-campaign --lib --features hydrate -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p truah-campaign --all-targets --features csr -- -D warnings
	$(PRERENDER) cargo clippy -p truah-campaign --all-targets --features ssr -- -D warnings

# 1. The Leptos-free core, the content and the receiver on the host; then the pages' components,
#    rendered as the prerenderer renders them; and a checkout moved with its target/ building
#    from its own files.
test-host:
	cargo test --workspace --exclude truah-campaign --features campaign-core/build
	$(PRERENDER) cargo test -p truah-campaign --features ssr
	node --test tests/js/ tests/build/

# 2. Components in headless Chromium.
#    (Under make test this build lints the csr configuration's library and browser tests; its
#    unit tests and main.rs are the same code the ssr and hydrate builds lint.)
test-browser:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --features csr --test browser

# Both languages (scripts/build.sh): English in dist/, Spanish in dist/es/. No counts are read
# at build time (NO_COUNTS): the tests give the pages their counts in the browser.
dist: export NO_COUNTS = 1
dist:
	$(LOCAL) scripts/build.sh
	# The same site for a subfolder, as staff embedding it under an existing domain would build it,
	# with more actions, closed, won, past their last day (the build closes it) and with a last
	# day to come, a won letter, the letter with 1,000 listed signers, and a home page featuring the won one
	# (tests/content-states/:
	# tests/e2e/states.spec.js checks them there), and ten more actions
	# and ten more issues, whose wasm scripts/content-growth.mjs compares with dist/'s.
	rm -rf target/content-states && cp -r content target/content-states
	cp tests/content-states/actions/*.md target/content-states/actions/
	sed -i "s/^ends = YESTERDAY$$/ends = $$(date -u -d yesterday +%F)/" target/content-states/actions/ends-passed.md
	sed -i 's/^featured_action = .*/featured_action = "won-example"/' target/content-states/home.md
	node scripts/content-growth.mjs --add-to target/content-states
	# The letter's 1,000 approved signers, as a file staff export (scripts/signers.mjs).
	node tests/support/make-signers.mjs target/content-states/signers/clergy-letter.csv 1000
	$(LOCAL) SITE_CONTENT=$(CURDIR)/target/content-states SITE_BASE=/campaigns/immigration \
	  scripts/build.sh --dist target/dist-subfolder

# 3. Whole journeys against the release build, served like a static host; every page valid HTML;
#    the signer within its 50 KB;
#    the site's wasm not growing with the content; and the deploy recipes in deploy/ against
#    stand-ins.
test-e2e:
	cargo build -p signup-receiver
	npm run --silent e2e
	node --test tests/html/ tests/size/
	node scripts/content-growth.mjs
	node --test tests/deploy/
	node --test tests/tools/

# Sizes of everything in dist/, and of a first visit (see README, "Size").
# The content as it is, with the letter's 1,000 approved signers (a file staff export): its list's
# page is measured full.
bench:
	scripts/setup.sh build npm
	rm -rf target/bench-content && cp -r content target/bench-content
	node tests/support/make-signers.mjs target/bench-content/signers/clergy-letter.csv 1000
	$(LOCAL) SITE_CONTENT=$(CURDIR)/target/bench-content scripts/build.sh
	cargo build -q -p signup-receiver
	node scripts/bench.mjs

# Before launch, from a machine with internet access: will each form's signatures get through the
# configured endpoint from the browser? (README, "The signup endpoint".)
check-endpoint:
	node scripts/check-endpoint.mjs

# Every consent wording the site asks with, in every language, and the version each signature
# carries for it (README, "A record of consent").
consents:
	cargo run --quiet -p campaign-core --features build --bin consents
