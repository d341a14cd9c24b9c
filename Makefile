# The README's two commands: `make run` and `make test`. Both install what is missing first.
PREFIX ?= /usr/local
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-asan install uninstall deb format format-check bench fuzz clean

all: build

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARPLAN_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/parplan due --month 6

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DPARPLAN_SANITIZE=ON -DPARPLAN_WERROR=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# Release build, generated plans of 12,500-50,000 activities, hyperfine against the yaml-cpp
# event-parse floor and a PyYAML script; writes build-release/bench-results/table.md.
bench:
	@scripts/install-deps hyperfine time python3-yaml
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPARPLAN_TESTS=OFF
	cmake --build build-release -j $(JOBS)
	tests/bench/run.sh build-release

# The binary, man pages, shell completions, schemas and examples; `make uninstall` removes
# exactly the files listed in $(BUILD)/install_manifest.txt.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

uninstall:
	cmake --build $(BUILD) --target uninstall

# A Debian package (Depends from dpkg-shlibdeps) in $(BUILD): parplan_VERSION_ARCH.deb.
deb: build
	@scripts/install-deps dpkg-dev
	cd $(BUILD) && cpack -G DEB

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# CI runs this before the builds (.ci/run): every committed C++ file as clang-format writes it.
format-check:
	@scripts/install-deps clang-format
	clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.hpp')

# libFuzzer harnesses (clang-14, ASan+UBSan), each run FUZZ_SECONDS; see docs/reliability.md.
fuzz:
	@scripts/install-deps clang-14 libclang-rt-14-dev
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPARPLAN_FUZZ=ON -DPARPLAN_TESTS=OFF -DPARPLAN_WERROR=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_loader fuzz_calendar fuzz_render fuzz_outputs fuzz_editor fuzz_yaml_readers \
	  fuzz_import_docx fuzz_import_xlsx fuzz_import_csv fuzz_import_file
	scripts/run-fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-release
