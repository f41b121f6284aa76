"""The CV date parser: the range forms applicants write, and clear messages for the ones it cannot read."""
import pytest

from reviewer.cv.dates import parse_month, parse_period, parse_range
from reviewer.errors import CVError

RANGES = [
    ("Jan 2021 – Mar 2021", "2021-01", "2021-03", False),
    ("Jan 2021 - Mar 2021", "2021-01", "2021-03", False),
    ("Jan 2021—Mar 2021", "2021-01", "2021-03", False),
    ("January 2021 to March 2021", "2021-01", "2021-03", False),
    ("June 2019 to Aug. 2020", "2019-06", "2020-08", False),
    ("Sept. 2020 – Present", "2020-09", None, False),
    ("Sep 2020 - present", "2020-09", None, False),
    ("Oct, 2018 – Dec, 2019", "2018-10", "2019-12", False),
    ("01/2021-03/2021", "2021-01", "2021-03", False),
    ("01/2021 - 03/2021", "2021-01", "2021-03", False),
    ("1/2021 – 3/2021", "2021-01", "2021-03", False),
    ("06/15/2021 - 08/01/2021", "2021-06", "2021-08", False),
    ("06.2021 - 08.2021", "2021-06", "2021-08", False),
    ("2021-03", "2021-03", "2021-03", False),
    ("2021/03", "2021-03", "2021-03", False),
    ("2021-03 to 2021-05", "2021-03", "2021-05", False),
    ("2021-03 - 2021-05", "2021-03", "2021-05", False),
    ("2021-03-2021-05", "2021-03", "2021-05", False),
    ("2021-03 – present", "2021-03", None, False),
    ("March 2020", "2020-03", "2020-03", False),
    ("Mar 2020 until Jun 2020", "2020-03", "2020-06", False),
    ("Mar 2020 through Jun 2020", "2020-03", "2020-06", False),
    ("Mar 2020 thru Jun 2020", "2020-03", "2020-06", False),
    ("from May 2022 to July 2022", "2022-05", "2022-07", False),
    ("July 2022 – current", "2022-07", None, False),
    ("July 2022 – now", "2022-07", None, False),
    ("July 2022 - ongoing", "2022-07", None, False),
    ("Dec 2019 – Jan 2020", "2019-12", "2020-01", False),
    ("2018–2019", "2018-01", "2019-12", True),
    ("2018 - 2019", "2018-01", "2019-12", True),
    ("2018-2019", "2018-01", "2019-12", True),
    ("2018 to 2019", "2018-01", "2019-12", True),
    ("2022 - present", "2022-01", None, True),
    ("since 2022", "2022-01", None, True),
    ("Since March 2022", "2022-03", None, False),
    ("2019", "2019-01", "2019-12", True),
    ("Fall 2018", "2018-09", "2018-11", True),
    ("Autumn 2018", "2018-09", "2018-11", True),
    ("Spring 2020 – Summer 2021", "2020-03", "2021-08", True),
    ("Winter 2021", "2021-12", "2022-02", True),  # December to February, the winter that starts in 2021
    ("2017 – Mar 2019", "2017-01", "2019-03", True),
    ("Mar 2019 – 2020", "2019-03", "2020-12", True),
    ("  Jan   2021  –  Mar 2021 ", "2021-01", "2021-03", False),
]


@pytest.mark.parametrize("text,start,end,imprecise", RANGES)
def test_range_forms(text, start, end, imprecise):
    parsed = parse_range(text)
    assert (parsed.start, parsed.end, parsed.imprecise) == (start, end, imprecise)


BAD = [
    ("2023-13", "13 is not a month number"),
    ("13/2021", "13 is not a month number"),
    ("00/2021", "0 is not a month number"),
    ("Smarch 2020", "'Smarch 2020' is not a date I can read"),
    ("soon", "'soon' is not a date I can read"),
    ("", "an empty date"),
    ("Jan 2021 – ", "has no end date"),
    ("2020 -", "has no end date"),
    ("– Mar 2021", "has no start date"),
    ("present", "not a date I can read"),
    ("21-03", "not a date I can read"),
    ("Jan 2021 – Smarch 2021", "'Smarch 2021' is not a date I can read"),
    ("1890-01", "not a date I can read"),
]


@pytest.mark.parametrize("text,message", BAD)
def test_bad_ranges_say_what_is_wrong(text, message):
    with pytest.raises(CVError) as caught:
        parse_range(text)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize("text,first,last", [("2019", "2019-01", "2019-12"), ("Fall 2018", "2018-09", "2018-11"),
                                             ("Aug 2020", "2020-08", "2020-08")])
def test_period_and_month(text, first, last):
    assert (parse_period(text).first, parse_period(text).last) == (first, last)
    assert parse_month(text) == first
    assert parse_month(text, end=True) == last


def test_year_only_range_keeps_its_narrow_reading():
    parsed = parse_range("2018–2019")
    assert (parsed.latest_start, parsed.earliest_end) == ("2018-12", "2019-01")
