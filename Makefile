# Văn thư số — developer entry points.  `make demo` and `make test` each set
# everything up on a fresh Debian/Ubuntu machine (apt packages when root).
VENV   ?= .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := softhsm2 opensc poppler-utils postgresql fonts-liberation2 xvfb \
	libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 \
	libxcb-render-util0 libxcb-xinerama0 binutils qpdf

# Exact versions and hashes per install set (requirements/README.md); pyproject.toml keeps ranges.
LOCK_DIR := requirements
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" pyproject.toml $(LOCK_DIR)/backend.in

.PHONY: setup setup-desktop setup-build system-deps demo test run-tests test-latest check \
	bench lint package clean lock lock-upgrade translations

setup: system-deps $(VENV)/.installed-test
setup-desktop: system-deps $(VENV)/.installed-desktop
setup-build: system-deps $(VENV)/.installed-build

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Please install with sudo apt-get install$$missing"; \
	  fi; \
	fi

# One locked set into the venv (every dependency pinned and hash-checked), then the project
# itself, editable, with no dependency resolution and the locked build backend.
$(VENV)/.installed-%: $(LOCK_DIR)/%.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r $<
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

demo: setup-desktop
	$(PY) main.py demo

test: setup
	$(MAKE) run-tests

run-tests: check
	$(PY) -m pytest

# The suite on the newest versions pyproject.toml allows, in a throw-away venv: an upstream
# break seen on purpose.  Leaves .venv and the lock alone; lists what differs from the lock.
test-latest: system-deps
	VENV=$(VENV) bash $(LOCK_DIR)/test-latest.sh

# Refresh the lock: `lock` keeps current pins (adds what pyproject.toml now needs),
# `lock-upgrade` moves every package to its newest allowed version.  Commit it on its own.
lock lock-upgrade: setup
	$(UV_COMPILE) $(if $(filter lock-upgrade,$@),--upgrade) \
		--extra desktop --extra test --extra postgres --extra s3 --extra archive -o $(LOCK_DIR)/test.txt
	$(UV_COMPILE) --extra postgres --extra s3 --extra archive -c $(LOCK_DIR)/test.txt -o $(LOCK_DIR)/server.txt
	$(UV_COMPILE) --extra desktop -c $(LOCK_DIR)/test.txt -o $(LOCK_DIR)/desktop.txt
	$(UV_COMPILE) --extra desktop --extra build -c $(LOCK_DIR)/test.txt -o $(LOCK_DIR)/build.txt

# ruff (lint + format) and mypy (strict on the core): part of `make test`, so CI fails on either.
check:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# Every benchmark at full size (minutes each); `make test` runs each with --quick (tests/bench/).
bench: setup
	for b in bench/[!_]*.py; do $(PY) $$b || exit 1; done

lint: setup check

package: setup-build
	$(PY) -m PyInstaller --noconfirm installer/vanthu.spec
	QT_QPA_PLATFORM=offscreen dist/VanThuSo/vanthu self-test
	@du -sh dist/VanThuSo

clean:
	rm -rf build dist .pytest_cache

translations: setup-desktop
	$(VENV)/bin/pyside6-lupdate ui/*.py ui/views/*.py -ts resources/i18n/vanthu_en.ts -no-obsolete
	$(VENV)/bin/pyside6-lrelease resources/i18n/vanthu_en.ts -qm resources/i18n/vanthu_en.qm
	$(VENV)/bin/pyside6-lrelease resources/i18n/qtbase_vi.ts -qm resources/i18n/qtbase_vi.qm
