"""Document identifiers, agency codes and the edXML date forms."""

from __future__ import annotations

import datetime as dt

import pytest

from edxml import MAX_ORGAN_ID, BadValue, DocumentIdentifier, check_organ_id, parse_identifier
from edxml._text import format_timestamp, parse_date, parse_timestamp


def test_parse_and_print() -> None:
    ident = parse_identifier(" 000.00.00.G22,2015/09/30,7816/VPCP-TTĐT ")
    assert ident == DocumentIdentifier("000.00.00.G22", dt.date(2015, 9, 30), "7816/VPCP-TTĐT")
    assert str(ident) == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert parse_identifier("28.22.H17,2024/01/02,1,2/UBND").code == "1,2/UBND"


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("000.00.00.G22,2014/02/30,7806/VPCP", "2014/02/30"),
        ("000.00.00.G22,2015-09-30,7816/VPCP", "2015-09-30"),
        ("000.00.00.G22,2015/09/30", "yyyy/MM/dd,"),
        ("VPCP,2015/09/30,7816/VPCP", "VPCP"),
        ("000.00.00.G22,,7816", "yyyy/MM/dd,"),
    ],
)
def test_parse_refuses_with_a_clear_message(text: str, fault: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_identifier(text)
    assert fault in caught.value.message("en") and fault in caught.value.message("vi")
    assert caught.value.element == "DocumentId"


@pytest.mark.parametrize("code", ["000.00.00.G22", "28.22.H17", "000.01.32.H41", "000.00.00.A80"])
def test_agency_codes(code: str) -> None:
    assert check_organ_id(f"  {code}\n") == code


def test_agency_code_faults() -> None:
    assert check_organ_id("000.00.00.h41") == "000.00.00.H41"
    for bad in ("G22", "000.00.00.G2", "000-00-00-G22", "000.00.00.G22.1", "VPCP", ""):
        with pytest.raises(BadValue) as caught:
            check_organ_id(bad)
        assert "Decision 20/2020" in caught.value.message("en")
    with pytest.raises(BadValue) as long:
        check_organ_id("1." * 20 + "G22")
    assert str(MAX_ORGAN_ID) in long.value.message("vi")


def test_dates_and_timestamps() -> None:
    assert parse_date("2015/09/30") == (dt.date(2015, 9, 30), True)
    assert parse_date("2015-09-30") == (dt.date(2015, 9, 30), False)
    assert parse_date("2015/9/3") == (dt.date(2015, 9, 3), False)
    with pytest.raises(ValueError):
        parse_date("30/09/2015")
    assert parse_timestamp("2015/09/20 11:08:36") == (dt.datetime(2015, 9, 20, 11, 8, 36), True)
    assert parse_timestamp("2015-09-20T04:08:36Z") == (dt.datetime(2015, 9, 20, 11, 8, 36), False)
    assert parse_timestamp("2015-09-20T11:08:36.5+07:00") == (
        dt.datetime(2015, 9, 20, 11, 8, 36),
        False,
    )
    for bad in ("2015/09/20", "2015/09/20 25:00:00", "hôm qua"):
        with pytest.raises(ValueError):
            parse_timestamp(bad)
    assert format_timestamp(dt.datetime(2024, 1, 1, 17, 0, tzinfo=dt.UTC)) == "2024/01/02 00:00:00"
