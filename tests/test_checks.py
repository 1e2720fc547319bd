"""Two articles that state one figure differently, beyond what each was written with."""

from decimal import Decimal

from analysis.checks import disagreements
from analysis.model import Figure


def figure(article, value, qualifier=None, metric="exports", period="2024", direction="VN->US", unit="USD"):
    return Figure(article, metric, Decimal(value), None, unit, qualifier, period, direction, None, str(value), 0, 1, "", "")


def test_two_articles_that_differ_are_listed_side_by_side():
    (found,) = disagreements([figure("a.txt", "1.195E+11"), figure("b.txt", "1.366E+11")])
    assert (found.metric, found.period, found.direction, found.first.article, found.second.article) == ("exports", "2024", "VN->US", "a.txt", "b.txt")
    assert str(found).startswith("DIFFER exports 2024 VN->US:")


def test_values_that_agree_within_what_they_state_do_not_differ():
    assert disagreements([figure("a.txt", "1.2E+11"), figure("b.txt", "1.195E+11")]) == []  # "120 bn" is 119.5 rounded
    assert disagreements([figure("a.txt", "1.195E+11"), figure("b.txt", "1.195E+11")]) == []  # an exact repeat
    assert disagreements([figure("a.txt", "1.2E+11", "approx"), figure("b.txt", "1.16E+11")]) == []  # about 120: within 5 %
    assert disagreements([figure("a.txt", "1.11E+11", "under"), figure("b.txt", "1.108E+11")]) == []  # nearly 111


def test_hedges_and_keys_are_respected():
    assert len(disagreements([figure("a.txt", "1.2E+11", "over"), figure("b.txt", "1.0E+11")])) == 1  # more than 120 is not 100
    assert disagreements([figure("a.txt", "1.2E+11", "over"), figure("b.txt", "1.3E+11")]) == []
    assert disagreements([figure("a.txt", "1.0E+11"), figure("a.txt", "1.3E+11")]) == []  # one article: not two sources
    assert disagreements([figure("a.txt", "1.0E+11"), figure("b.txt", "1.3E+11", period="2023")]) == []
    assert disagreements([figure("a.txt", "1.0E+11"), figure("b.txt", "1.3E+11", direction="US->VN")]) == []
    assert disagreements([figure("a.txt", "10", metric="growth", unit="percent"), figure("b.txt", "20", metric="growth", unit="percent")]) == []
