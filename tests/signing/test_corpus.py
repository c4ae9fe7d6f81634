"""The real-world corpus: every file signs in every mode and every tool agrees, or is refused
with a message about the file — never a traceback or an "unexpected error"."""

from __future__ import annotations

import pytest

from base.pdf import BadPdf, check_pdf
from signing.profiles import Level, Mode
from tests.signing.real_world import LIBRARY_WORDS, corpus_files, run_file

FILES = corpus_files()

# Files a polished product must sign in every mode (the rest may be refused, clearly: the
# ImageMagick fax strip is a 1 × 1 mm page, too small for any visible signature).
MUST_SIGN = {
    path.name
    for path, _ in FILES
    if (path.name.startswith("pypdf-") and path.name != "pypdf-imagemagick-CCITTFaxDecode.pdf")
    or path.name
    in {
        "pyhanko-minimal.pdf",
        "pyhanko-minimal-two-pages.pdf",
        "pyhanko-minimal-xref.pdf",
        "pyhanko-minimal-hybrid-xref.pdf",
        "pyhanko-minimal-with-field.pdf",
        "pyhanko-minimal-two-fields.pdf",
        "pyhanko-minimal-with-simple-form.pdf",
        "pyhanko-fontembed.pdf",
        "pyhanko-minimal-aes256.pdf",
        "pyhanko-minimal-rc4.pdf",
        "pyhanko-minimal-with-field-aes256.pdf",
        "pyhanko-minimal-signed-twice-no-sig-type.pdf",
        "pyhanko-minimal-two-fields-signed-twice.pdf",
        "pyhanko-sig-with-ski-sid.pdf",
        "pyhanko-minimal-pdf-ua-and-a.pdf",
    }
}


@pytest.fixture
def signers(open_signer):  # type: ignore[no-untyped-def]
    leader, organisation = open_signer("01"), open_signer("03")
    return {
        Mode.APPROVE: leader,
        Mode.ISSUE: organisation,
        Mode.COPY: organisation,
        Mode.ATTACHMENT: organisation,
    }


@pytest.mark.parametrize(("path", "password"), FILES, ids=[p.name for p, _ in FILES])
def test_every_corpus_file_signs_everywhere_or_is_refused_clearly(
    path, password, signers, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    try:
        check_pdf(path, password)
    except BadPdf as refused:  # unusable before signing: the shared check says why
        assert path.name not in MUST_SIGN, refused.message("en")
        text = refused.message("vi") + refused.message("en")
        assert path.name in text and not any(w in text for w in LIBRARY_WORDS)
        return
    outcomes = run_file(
        path, password, signers, profile.with_changes(level=Level.B_B), [root_cert], tmp_path
    )
    for outcome in outcomes:
        if outcome.signed:
            assert outcome.problems == [], (outcome.mode, outcome.problems)
        else:
            text = outcome.message_vi + outcome.message_en
            assert outcome.message_vi and outcome.message_en != outcome.message_vi
            assert not any(w in text for w in LIBRARY_WORDS), (outcome.mode, text)
            assert path.name not in MUST_SIGN, (outcome.mode, outcome.message_en)
    if path.name in MUST_SIGN:
        assert {o.mode for o in outcomes if o.signed and not o.repaired} == set(Mode)
