"""Real-world corpus benchmark: seconds per file signing and verifying, ours vs bare pyHanko.

The corpus is ``tests/signing/corpus`` (public PDFs from pyHanko's and
py-pdf's test data) plus generated cases (each rotation, an offset CropBox,
an A6 page, a permissions-only file, a 40-page letter). For every file that
signs, the same SoftHSM2 key signs it twice in the same run:

* **ours** — ``signing.pades.sign_file`` in copy mode (the shared PDF check,
  placement in the visible page, the upright text stamp, an encrypted
  incremental update where needed), then ``signing.validation.validate_pdf``;
* **bare pyHanko** — ``PdfSigner.sign_pdf`` with the same three-line text
  stamp in the same embedded font (pyHanko's own OpenType support) in a
  fixed box, then ``validate_pdf_signature`` on each signature.

Goal: median and p95 ≤ 1.3× bare pyHanko. Also reported: how many files sign,
need the opt-in repair, or are refused (with their reason).

Run: ``python bench/corpus.py [--repeat 1] [--every 1]`` (``--quick``: every 6th file).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402

PIN = "123456"
LABEL = "Corpus"


def _token(folder: Path) -> tuple[str, object]:
    from signing.demo_pki import issue, make_ca
    from signing.provisioning import configure_softhsm, import_identity, init_token, softhsm_module
    from tests.conftest import missing_dependency, require_tool

    require_tool("softhsm2-util")  # as the test fixtures: a failure in CI, a skip elsewhere
    module = softhsm_module()
    if module is None:
        missing_dependency("libsofthsm2.so not found")
    assert module is not None
    configure_softhsm(folder / "hsm")
    init_token(LABEL, PIN, "12345678")
    ca = make_ca()
    org = issue(ca, "Văn phòng UBND tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh")
    import_identity(module, LABEL, PIN, org.key, org.cert, b"\x03", "org")
    return module, ca


def _cases(folder: Path) -> list[tuple[Path, str | None]]:
    from services.letters import OfficialLetter, render_letter_pdf
    from tests.signing import pdf_cases
    from tests.signing.real_world import corpus_files

    letter = folder / "letter.pdf"
    letter.write_bytes(
        render_letter_pdf(
            OfficialLetter(
                "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
                "   /QĐ-UBND",
                "Hà Tĩnh, ngày 24 tháng 11 năm 2026",
                "QUYẾT ĐỊNH",
                "Về việc phê duyệt kế hoạch năm 2026",
                tuple(f"Điều {i}. Nội dung quyết định." for i in range(1, 60)),
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Trần Quốc Việt",
                ("Như trên", "Lưu: VT"),
                40,
            )
        )
    )
    import pymupdf

    generated = [
        letter,
        *(pdf_cases.rotated(letter, folder / f"xoay-{r}.pdf", r) for r in (90, 180, 270)),
        pdf_cases.cropped(letter, folder / "cat.pdf", (40, 60, 30, 50)),
        pdf_cases.small_page(letter, folder / "a6.pdf"),
        pdf_cases.owner_password_only(
            letter, folder / "quyen.pdf", pymupdf.PDF_PERM_PRINT | pymupdf.PDF_PERM_ANNOTATE
        ),
        pdf_cases.padded_after_eof(letter, folder / "dem.pdf"),
    ]
    return [*corpus_files(), *((p, None) for p in generated)]


def _ours(path: Path, password: str | None, active, profile, out: Path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from signing.pades import SignJob, sign_file
    from signing.profiles import Mode
    from signing.validation import validate_pdf

    started = time.perf_counter()
    sign_file(SignJob(path, out, Mode.COPY, pdf_password=password), active, profile)
    signed = time.perf_counter() - started
    started = time.perf_counter()
    validate_pdf(out, [], password=password)
    return signed, time.perf_counter() - started


def _bare_styles():  # type: ignore[no-untyped-def]
    """Two baselines, made once: the same three lines as our copy stamp in the same embedded
    Unicode font (pyHanko's own OpenType support, what drawing a Vietnamese stamp with bare
    pyHanko takes), and a plain Latin stamp in a standard font (no embedding: the floor)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from signing.appearance import FONT_FILE

    unicode_stamp = TextStampStyle(
        stamp_text="SAO Y\nUBND tỉnh Hà Tĩnh\n%(ts)s",
        border_width=0,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(FONT_FILE)), font_size=10),
    )
    return unicode_stamp, TextStampStyle(stamp_text="SAO Y\n%(ts)s", border_width=0)


def _bare(path: Path, password: str | None, active, out: Path, style) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    started = time.perf_counter()
    with path.open("rb") as src, out.open("wb") as dst:
        writer = IncrementalPdfFileWriter(src, strict=False)
        if writer.prev.encrypted:
            writer.encrypt(password or "")
        meta = signers.PdfSignatureMetadata(
            field_name="Bare", subfilter=fields.SigSeedSubFilter.PADES
        )
        spec = fields.SigFieldSpec("Bare", on_page=0, box=(20, 20, 220, 70))
        with active.lock, active.errors():
            signers.PdfSigner(meta, active.signer, stamp_style=style, new_field_spec=spec).sign_pdf(
                writer, output=dst
            )
    signed = time.perf_counter() - started
    started = time.perf_counter()
    with out.open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        if reader.encrypted:
            reader.decrypt(password or "")
        for sig in reader.embedded_signatures:
            validate_pdf_signature(sig, ValidationContext(trust_roots=[]))
    return signed, time.perf_counter() - started


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="sign each file this many times")
    parser.add_argument("--slowest", type=int, default=5, help="list the N slowest files")
    parser.add_argument("--every", type=int, default=1, help="only every N-th file (1: all)")
    args = parse_args(parser, every=6)
    import logging
    import os

    for name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):  # untrusted test chains
        logging.getLogger(name).setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="vanthu-corpus-") as tmp:
        folder = Path(tmp)
        os.environ["VANTHU_HOME"] = str(folder / "home")
        module, _ca = _token(folder)
        from signing.backends import TokenBackend
        from signing.errors import Remedy, SigningError
        from signing.profiles import Level, SigningProfile

        profile = SigningProfile(
            level=Level.B_B, tsa_url=None, organisation_name="UBND tỉnh Hà Tĩnh"
        )
        ours_sign: list[float] = []
        ours_verify: list[float] = []
        bare_sign: list[float] = []
        plain_sign: list[float] = []
        bare_verify: list[float] = []
        unicode_style, plain_style = _bare_styles()
        counts = {"signed": 0, "repair": 0, "refused": 0}
        refusals: list[str] = []
        timings: list[tuple[str, float, float, float, float]] = []
        cases = _cases(folder)[:: args.every]
        with TokenBackend(module, LABEL, "03").open(PIN) as active:
            for index, (path, password) in enumerate(cases):
                for run in range(args.repeat):
                    out = folder / "out" / f"{index}-{run}.pdf"
                    out.parent.mkdir(exist_ok=True)
                    try:
                        signed, verified = _ours(path, password, active, profile, out)
                    except SigningError as exc:
                        if run == 0:
                            kind = "repair" if exc.remedy is Remedy.REPAIR else "refused"
                            counts[kind] += 1
                            refusals.append(f"  {path.name}: {exc.message('en')[:110]}")
                        break
                    try:
                        bare = _bare(
                            path, password, active, out.with_suffix(".b.pdf"), unicode_style
                        )
                        plain = _bare(
                            path, password, active, out.with_suffix(".p.pdf"), plain_style
                        )
                    except Exception as exc:  # noqa: BLE001 - bare pyHanko cannot: not comparable
                        refusals.append(
                            f"  {path.name}: ours signs, bare pyHanko fails ({exc!r:.80})"
                        )
                        break
                    if run == 0:
                        counts["signed"] += 1
                    timings.append((path.name, signed, bare[0], verified, bare[1]))
                    ours_sign.append(signed)
                    ours_verify.append(verified)
                    bare_sign.append(bare[0])
                    plain_sign.append(plain[0])
                    bare_verify.append(bare[1])
        rows = []
        for label, ours, bare in (
            ("sign, median", statistics.median(ours_sign), statistics.median(bare_sign)),
            ("sign, p95", _p95(ours_sign), _p95(bare_sign)),
            ("sign, max", max(ours_sign), max(bare_sign)),
            (
                "sign vs Latin stamp, median",
                statistics.median(ours_sign),
                statistics.median(plain_sign),
            ),
            ("sign vs Latin stamp, p95", _p95(ours_sign), _p95(plain_sign)),
            ("verify, median", statistics.median(ours_verify), statistics.median(bare_verify)),
            ("verify, p95", _p95(ours_verify), _p95(bare_verify)),
            ("verify, max", max(ours_verify), max(bare_verify)),
        ):
            goal = "(reported)" if "max" in label or "Latin" in label else "≤ 1.30×"
            rows.append(Row(f"{label} per file", ours * 1000, bare * 1000, "ms", goal, False))
        print_table(
            f"Corpus: {len(cases)} files — {counts['signed']} signed, {counts['repair']} need "
            f"the opt-in repair, {counts['refused']} refused with a reason",
            rows,
        )
        print("\nSlowest files (ms: ours sign / bare sign, ours verify / bare verify):")
        for name, sign, base, verify, base_verify in sorted(timings, key=lambda t: -(t[1] + t[3]))[
            : args.slowest
        ]:
            print(
                f"  {name:<48} {sign * 1000:6.1f} / {base * 1000:6.1f}   "
                f"{verify * 1000:6.1f} / {base_verify * 1000:6.1f}"
            )
        print("\nNot signed as they are:")
        print("\n".join(refusals) or "  (none)")
    return 0


if __name__ == "__main__":
    run(main)
