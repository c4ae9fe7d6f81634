"""What may change after a signature: pyHanko's rules plus locked stamp annotations.

pyHanko's default difference analysis does not yet whitelist annotations
added after signing (its own TODO), so the number and date the clerk
writes into a draft when sealing (``signing.fill``) would make the
leader's signature look "modified: other". This rule clears exactly that
change, at the ANNOTATIONS level — the level Adobe also permits after an
approval signature: new ``/Stamp`` annotations that are read-only and
locked, added to a page whose dictionary changed only in ``/Annots``,
with appearance streams made of new objects. Anything else still falls
through to pyHanko's verdict.

pyHanko compares each later revision with the signed one as a whole, so the
stamps and the seal's new signature widget arrive on the same page in one
comparison. pyHanko's own widget check rejects any annotation it does not
know, so this rule takes over that page-level check: new annotations must
be locked stamps or widgets of new signature fields (whose objects pyHanko's
form rule still vets).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from pyhanko.pdf_utils import generic, misc
from pyhanko.pdf_utils.reader import HistoricalResolver
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    ModificationLevel,
    QualifiedWhitelistRule,
    ReferenceUpdate,
    StandardDiffPolicy,
    SuspiciousModification,
)
from pyhanko.sign.diff_analysis.commons import compare_dicts
from pyhanko.sign.diff_analysis.form_rules_api import FormUpdatingRule
from pyhanko.sign.diff_analysis.rules.form_field_rules import (
    GenericFieldModificationRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
)

__all__ = ["LockedStampRule", "DIFF_POLICY"]

logger = logging.getLogger(__name__)

READ_ONLY, LOCKED = 64, 128


def _pages(resolver: HistoricalResolver) -> list[generic.Reference]:
    refs: list[generic.Reference] = []

    def walk(node: generic.DictionaryObject, depth: int) -> None:
        if depth > 32:
            raise misc.PdfReadError("page tree too deep")
        for kid in node["/Kids"]:
            if not isinstance(kid, generic.IndirectObject):
                raise SuspiciousModification("direct object in the page tree")
            obj = kid.get_object()
            if obj.get("/Type") == "/Pages":
                walk(obj, depth + 1)
            else:
                refs.append(kid.reference)

    walk(resolver.root["/Pages"], 0)
    return refs


def _annots(
    page: generic.DictionaryObject,
) -> tuple[set[generic.Reference], generic.Reference | None]:
    if "/Annots" not in page:
        return set(), None
    raw = page.raw_get("/Annots")
    array = raw.get_object()
    if not isinstance(array, generic.ArrayObject) or not all(
        isinstance(a, generic.IndirectObject) for a in array
    ):
        raise SuspiciousModification("/Annots must be an array of references")
    return {a.reference for a in array}, raw.reference if isinstance(
        raw, generic.IndirectObject
    ) else None


def _is_signature_widget(annot: generic.PdfObject) -> bool:
    if not isinstance(annot, generic.DictionaryObject) or annot.get("/Subtype") != "/Widget":
        return False
    field = annot.get("/Parent", annot)
    return isinstance(field, generic.DictionaryObject) and field.get("/FT") == "/Sig"


def _is_locked_stamp(annot: generic.PdfObject) -> bool:
    return (
        isinstance(annot, generic.DictionaryObject)
        and annot.get("/Subtype") == "/Stamp"
        and int(annot.get("/F", 0)) & (READ_ONLY | LOCKED) == READ_ONLY | LOCKED
        and "/AP" in annot
    )


class LockedStampRule(QualifiedWhitelistRule):
    def apply_qualified(
        self, old: HistoricalResolver, new: HistoricalResolver
    ) -> Iterable[tuple[ModificationLevel, ReferenceUpdate]]:
        old_pages, new_pages = _pages(old), _pages(new)
        if old_pages != new_pages:
            return  # page tree changed: not ours to judge
        for page_ref in new_pages:
            yield from self._page(old, new, page_ref)

    @staticmethod
    def _page(
        old: HistoricalResolver, new: HistoricalResolver, page_ref: generic.Reference
    ) -> Iterator[tuple[ModificationLevel, ReferenceUpdate]]:
        old_page, new_page = old(page_ref), new(page_ref)
        old_annots, old_annots_ref = _annots(old_page)
        new_annots, annots_ref = _annots(new_page)
        added = new_annots - old_annots
        if not added or old_annots - new_annots:
            return
        if not all(old.is_ref_unassignable(ref) for ref in added):
            raise SuspiciousModification("an annotation reuses an object of the signed revision")
        stamps = {ref for ref in added if _is_locked_stamp(new(ref))}
        widgets = {ref for ref in added if _is_signature_widget(new(ref))}
        if stamps | widgets != added:
            raise SuspiciousModification(
                f"The newly added annotations {added - stamps - widgets} were not recognised."
            )
        compare_dicts(old_page, new_page, frozenset(["/Annots"]))
        level = ModificationLevel.ANNOTATIONS if stamps else ModificationLevel.LTA_UPDATES
        yield level, ReferenceUpdate(page_ref)
        if annots_ref is not None and (
            annots_ref == old_annots_ref or old.is_ref_unassignable(annots_ref)
        ):
            yield level, ReferenceUpdate(annots_ref)
        for ref in stamps:
            yield level, ReferenceUpdate(ref)
            for dependency in new.collect_dependencies(
                new(ref).raw_get("/AP"), since_revision=old.revision + 1
            ):
                yield level, ReferenceUpdate(dependency)


DIFF_POLICY = StandardDiffPolicy(
    global_rules=[*DEFAULT_DIFF_POLICY.global_rules, LockedStampRule()],
    form_rule=FormUpdatingRule(
        field_rules=[
            SigFieldCreationRule(
                approve_widget_bindings=False
            ),  # page /Annots: checked by LockedStampRule
            SigFieldModificationRule(),
            GenericFieldModificationRule(),
        ]
    ),
)
