"""The language tables: validated when loaded, with an error that names the file and the key."""

import pytest

from analysis import lang


@pytest.mark.parametrize(
    "content, message",
    [
        ('[numbers]\nscalez = { "tỷ" = 9 }\n', "numbers.scalez: unknown key"),
        ('[numbers]\nscales = { "tỷ" = "nine" }\n', "numbers.scales: must be a table of word = whole number"),
        ('[numbers]\npercent = "%"\n', "numbers.percent: must be a list of non-empty words"),
        ('[numbers]\npercent = ["%", ""]\n', "numbers.percent: must be a list of non-empty words"),
        ('[numbers.qualifiers]\nroughly = ["khoảng"]\n', "numbers.qualifiers: unknown kind 'roughly'"),
        ('[figures.direction]\nwith_us = ["với (?:Mỹ"]\n', "figures.direction.with_us: 'với (?:Mỹ' is not a valid pattern"),
        ('[[dates.forms]]\npattern = "x"\n', "dates.forms[0]: a form needs a name and a pattern"),
        ('[[dates.forms]]\nname = "x"\npattern = "x"\nweight = 2\n', "dates.forms 'x': unknown key 'weight'"),
        ("[numbers\n", "not valid TOML"),
    ],
)
def test_a_bad_table_is_refused_naming_the_key(tmp_path, content, message):
    path = tmp_path / "xx.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(lang.LanguageDataError) as error:
        lang._read(path)
    assert str(error.value).startswith("xx.toml: ") and message in str(error.value)


def test_every_table_of_the_project_is_valid_and_loaded_once():
    assert lang.languages() == ("vi", "en")
    for code in lang.languages():
        assert lang.table(code) is lang.table(code)
        assert lang.value("language.name", code)


def test_a_form_with_an_unknown_placeholder_names_it(monkeypatch):
    from analysis.matching.rules import load_forms

    monkeypatch.setattr(lang, "value", lambda key, code: [{"name": "hồi M/Y", "pattern": r"hồi\s+{MONTHS}"}] if code == "vi" else [])
    with pytest.raises(lang.LanguageDataError, match=r"vi.toml: dates.forms 'hồi M/Y': unknown placeholder \{MONTHS\}"):
        load_forms("dates.forms", ("month",), lambda code: {"M": "1"})


def test_words_of_every_language_are_merged_in_order():
    assert lang.words("numbers.percent")[:2] == ("%", "phần trăm")
    assert "percent" in lang.words("numbers.percent")
    assert lang.mapping("numbers.qualifiers")["approx"][:1] == ["khoảng"] and "about" in lang.mapping("numbers.qualifiers")["approx"]
