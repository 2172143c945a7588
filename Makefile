# Two commands for a fresh machine: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint i18n bench clean screenshots package windows

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/nlv-events

# The suite runs on every core (pytest-xdist); `make test TEST_WORKERS=0` runs it serially, in one process, to debug.
TEST_WORKERS ?= auto

test: $(STAMP)
	sh scripts/ensure-system-packages.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) --durations=10
	$(BIN)/ruff check nlv_events tests scripts bench

lint: $(STAMP)
	$(BIN)/ruff check nlv_events tests scripts bench

# Extract the messages into the template, bring both catalogs up to date with it (no fuzzy guesses, no obsolete
# entries) and compile them (needs Babel, installed with the app). The .po files are the only source of the
# translations: translate in resources/translations/vi/LC_MESSAGES/nlv_events.po, following docs/glossary.md.
i18n: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-by-file --width 110 -F babel.cfg \
		-k pgettext:1c,2 -k npgettext:1c,2,3 -o resources/translations/nlv_events.pot \
		--project="NLV Events" --copyright-holder="Thư viện Quốc gia Việt Nam" nlv_events
	for lang in vi en; do \
		$(BIN)/pybabel update --init-missing --no-fuzzy-matching --ignore-obsolete --width 110 -D nlv_events \
			-i resources/translations/nlv_events.pot -d resources/translations -l $$lang || exit 1; \
		mkdir -p nlv_events/i18n/locale/$$lang/LC_MESSAGES; \
		$(BIN)/pybabel compile --statistics -D nlv_events -d resources/translations -l $$lang \
			-o nlv_events/i18n/locale/$$lang/LC_MESSAGES/nlv_events.mo \
			-i resources/translations/$$lang/LC_MESSAGES/nlv_events.po || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info

# Pictures for the README and the user guide, made by the app itself on the demo data (never stale). The two
# scripts at the end make the windows `gui --screenshot` does not show, each on data it arranges in a database of
# its own: the Guests tab and the invitations; the Exhibition tab, a catalogue import, commemorations, a series.
screenshots: $(STAMP)
	rm -f /tmp/nlv-events-screens.sqlite3*
	$(BIN)/nlv-events demo --db /tmp/nlv-events-screens.sqlite3 --lang vi
	for view in list calendar programme tallies; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/nlv-events gui --db /tmp/nlv-events-screens.sqlite3 --lang vi \
			--view $$view --screenshot docs/images/$$view.png || exit 1; \
	done
	for view in list programme tallies; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/nlv-events gui --db /tmp/nlv-events-screens.sqlite3 --lang en \
			--view $$view --screenshot docs/images/$$view.en.png || exit 1; \
	done
	$(BIN)/python scripts/sample_photos.py /tmp/nlv-events-screens.sqlite3
	QT_QPA_PLATFORM=offscreen $(BIN)/nlv-events gui --db /tmp/nlv-events-screens.sqlite3 --lang vi \
		--view photos --screenshot docs/images/photos.png
	$(BIN)/python scripts/render_printouts.py --db /tmp/nlv-events-screens.sqlite3 --out docs/images
	for lang in vi en; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/guest_screenshots.py --lang $$lang || exit 1; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/window_screenshots.py --lang $$lang || exit 1; \
	done

# The one-folder bundle in dist/nlv-events/ (on Windows, then the installer: see packaging/README.md).
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/nlv-events.spec
	@du -sh dist/nlv-events | sed 's/\t.*/ in dist\/nlv-events (at most 150M: docs\/performance.md)/'

# Benchmarks (not part of `make test`): bench/results.json and the table in docs/performance.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

# The Windows bundle built and smoke-tested under Wine on this Linux machine (not part of `make test`: it takes
# about 10 minutes and 2 GB in build/windows/). See packaging/README.md.
windows:
	bash packaging/windows/build.sh
