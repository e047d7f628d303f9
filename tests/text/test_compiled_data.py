"""Data kept compiled: the same value, worked out once, worked out again when its stamp (a YAML file's text) changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from geo.text import compiled_data
from geo.text.compiled_data import cache_dir, code_stamp, compiled, load_yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Written for these tests: int keys, nesting, Arabic words, an alias, a null (what the word lists hold).
WORDS = """\
months:
  ar: {1: [يناير, كانون الثاني], 2: [فبراير]}
  en: {1: [january]}
shared: &shared [avant-hier, "l'an dernier"]
again: *shared
empty:
ratio: 0.25
flags: [yes, no]
"""


def _copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.marshal"))


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(compiled_data.yaml, "load", refuse)


def test_the_copy_holds_the_same_data_and_is_read_instead_of_the_file(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    source, folder = tmp_path / "words.yaml", tmp_path / "cache"
    source.write_text(WORDS, encoding="utf-8")
    expected = yaml.load(WORDS, Loader=LOADER)
    assert load_yaml(source, loader=LOADER, folder=folder) == expected
    assert len(_copies(folder)) == 1
    _refuse_parsing(monkeypatch)
    first = load_yaml(source, loader=LOADER, folder=folder)
    assert first == expected
    first["months"].clear()  # each call gives a fresh copy
    assert load_yaml(source, loader=LOADER, folder=folder) == expected


def test_a_changed_file_is_parsed_again_and_only_the_newest_copies_kept(tmp_path) -> None:  # noqa: ANN001
    source, folder = tmp_path / "words.yaml", tmp_path / "cache"
    source.write_text(WORDS, encoding="utf-8")
    load_yaml(source, loader=LOADER, folder=folder)
    first = _copies(folder)
    for number in range(4):  # four more versions of the file: the folder keeps the newest three copies
        source.write_text(WORDS + f"more: [word{number}]\n", encoding="utf-8")
        assert load_yaml(source, loader=LOADER, folder=folder)["more"] == [f"word{number}"]
    kept = _copies(folder)
    assert len(kept) == 3 and not set(first) & set(kept)
    source.write_text(WORDS + "more: [word3]\n", encoding="utf-8")  # the newest version: read from its copy
    assert load_yaml(source, loader=LOADER, folder=folder)["more"] == ["word3"] and _copies(folder) == kept


@pytest.mark.parametrize(
    ("damage", "label"),
    [(lambda blob: blob[:-3], "cut short"), (lambda blob: b"x" + blob, "another head"), (lambda blob: b"", "empty")],
)
def test_a_damaged_copy_is_parsed_again_and_rewritten(tmp_path, damage, label: str) -> None:  # noqa: ANN001
    source, folder = tmp_path / "words.yaml", tmp_path / "cache"
    source.write_text(WORDS, encoding="utf-8")
    load_yaml(source, loader=LOADER, folder=folder)
    (copy,) = _copies(folder)
    copy.write_bytes(damage(copy.read_bytes()))
    assert load_yaml(source, loader=LOADER, folder=folder) == yaml.load(WORDS, Loader=LOADER), label
    assert load_yaml(source, loader=LOADER, folder=folder) == yaml.load(WORDS, Loader=LOADER), label


def test_data_marshal_cannot_keep_is_parsed_each_time(tmp_path) -> None:  # noqa: ANN001
    source, folder = tmp_path / "dated.yaml", tmp_path / "cache"
    source.write_text("published: 2023-09-13\n", encoding="utf-8")
    assert load_yaml(source, loader=LOADER, folder=folder) == {"published": dt.date(2023, 9, 13)}
    assert _copies(folder) == []


def test_a_folder_that_cannot_be_written_gives_the_same_data(tmp_path) -> None:  # noqa: ANN001
    source = tmp_path / "words.yaml"
    source.write_text(WORDS, encoding="utf-8")
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert load_yaml(source, loader=LOADER, folder=blocked / "cache") == yaml.load(WORDS, Loader=LOADER)


def test_only_the_project_s_data_files_get_a_copy_by_default(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("GEOSTORY_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    outside = tmp_path / "words.yaml"
    outside.write_text(WORDS, encoding="utf-8")
    load_yaml(outside, loader=LOADER)
    assert _copies(tmp_path / "cache") == []
    shipped = compiled_data.DATA_DIR / "lexicon" / "dates.yaml"
    assert load_yaml(shipped, loader=LOADER) == yaml.load(shipped.read_text(encoding="utf-8"), Loader=LOADER)
    assert [copy.name.split(".")[0] for copy in _copies(tmp_path / "cache")] == ["yaml-lexicon-dates"]


def test_reading_errors_are_the_file_s_own(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(OSError):
        load_yaml(tmp_path / "missing.yaml", loader=LOADER, folder=tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        load_yaml(bad, loader=LOADER, folder=tmp_path)


def test_a_value_is_worked_out_once_for_each_stamp(tmp_path) -> None:  # noqa: ANN001
    calls: list[str] = []

    def build(stamp: str) -> frozenset[str]:
        calls.append(stamp)
        return frozenset({"عمان", stamp})

    for stamp in ("index one", "index one", "index two", "index two", "index one"):
        assert compiled("g-names", stamp=stamp, build=lambda s=stamp: build(s), folder=tmp_path) == {"عمان", stamp}
    assert calls == ["index one", "index two"]  # each stamp's copy is kept (the newest few of a name)
    assert len(_copies(tmp_path)) == 2
    assert compiled("other", stamp="index one", build=lambda: [1, 2], folder=tmp_path) == [1, 2]
    assert len(_copies(tmp_path)) == 3  # names keep their own copies


def test_the_code_stamp_is_the_modules_sources_and_none_without_them(monkeypatch) -> None:  # noqa: ANN001
    import hashlib
    import sys
    import types

    source = hashlib.sha256(Path(compiled_data.__file__).read_bytes()).hexdigest()
    expected = hashlib.sha256(source.encode()).hexdigest()
    assert code_stamp(compiled_data.__name__) == expected
    assert code_stamp(compiled_data.__name__, "geo.errors") != expected
    monkeypatch.setitem(sys.modules, "a_module_without_source", types.ModuleType("a_module_without_source"))
    assert code_stamp(compiled_data.__name__, "a_module_without_source") is None
    gone = types.ModuleType("a_module_whose_file_is_gone")
    gone.__file__ = "/nonexistent/gone.py"
    monkeypatch.setitem(sys.modules, gone.__name__, gone)
    assert code_stamp(gone.__name__) is None


def test_the_code_stamp_is_the_code_the_process_runs(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import sys
    import types

    file = tmp_path / "a_changing_module.py"
    file.write_text("ANSWER = 1\n", encoding="utf-8")
    module = types.ModuleType("a_changing_module")
    module.__file__ = str(file)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    before = code_stamp(module.__name__)
    file.write_text("ANSWER = 2\n", encoding="utf-8")  # the checkout changes under a running process
    assert code_stamp(module.__name__) == before  # it still stamps with the code it loaded


def test_a_value_without_a_stamp_is_worked_out_each_time_and_not_kept(tmp_path) -> None:  # noqa: ANN001
    calls: list[int] = []
    for _ in range(2):
        assert compiled("unstamped", stamp=None, build=lambda: calls.append(1) or {"a": 1}, folder=tmp_path) == {"a": 1}
    assert calls == [1, 1] and _copies(tmp_path) == []
