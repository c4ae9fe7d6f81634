# Văn thư số — developer entry points.  `make demo` and `make test` each set
# everything up on a fresh Debian/Ubuntu machine (apt packages when root).
VENV   ?= .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := softhsm2 opensc poppler-utils postgresql fonts-liberation2 xvfb \
	libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 \
	libxcb-render-util0 libxcb-xinerama0 binutils qpdf

.PHONY: setup system-deps demo test check bench lint package clean

setup: system-deps $(VENV)/.installed

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

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[desktop,test,postgres]'
	touch $@

demo: setup
	$(PY) main.py demo

test: setup check
	$(PY) -m pytest

# ruff (lint + format) and mypy (strict on the core): part of `make test`, so CI fails on either.
check:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

bench: setup
	for b in bench/*.py; do $(PY) $$b || exit 1; done

lint: setup check

package: setup
	$(PY) -m pip install -q -e '.[desktop,build]'
	$(PY) -m PyInstaller --noconfirm installer/vanthu.spec
	QT_QPA_PLATFORM=offscreen dist/VanThuSo/vanthu self-test
	@du -sh dist/VanThuSo

clean:
	rm -rf build dist .pytest_cache

translations: setup
	$(VENV)/bin/pyside6-lupdate ui/*.py ui/views/*.py -ts resources/i18n/vanthu_en.ts -no-obsolete
	$(VENV)/bin/pyside6-lrelease resources/i18n/vanthu_en.ts -qm resources/i18n/vanthu_en.qm
	$(VENV)/bin/pyside6-lrelease resources/i18n/qtbase_vi.ts -qm resources/i18n/qtbase_vi.qm
