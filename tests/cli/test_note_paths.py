"""``followup note`` says and stores the same through the quick path as through click.

The console script takes a plain, well-formed note without click (``cli.note``). Each command
line here runs both ways on two copies of one home (data folder and state folder), with the
same ids: stdout, stderr, the exit status and what the data folder holds afterwards must be
the same. Lines the quick path leaves to click are checked to go there.
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from followup_tui.cli import launch
from followup_tui.cli import main as cli
from followup_tui.domain import zones
from followup_tui.domain.models import Concern, Interview
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT
from followup_tui.store import ids
from followup_tui.store.device import load_device
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from followup_tui.store.tables import TABLES
from tests.conftest import PLATFORM_FOLDERS, Switch
from tests.helpers.files import device_file

Outcome = tuple[int, str, str, Any]
"""Exit status, stdout, stderr (the home's path as ``HOME``) and the data folder's records."""

CLICK = "from followup_tui.cli.main import main; main(prog_name='followup')"
"""A process that reads its command line with the click group."""


def _point_at(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(home / "home"))
    for var, sub in PLATFORM_FOLDERS.items():
        monkeypatch.setenv(var, str(home / "home" / sub))
    monkeypatch.setenv("FOLLOWUP_DB", str(home / "data" / "followup.json"))


def _records(home: Path) -> Any:
    """Every record of the data folder, as the models read it, without the times of the save."""
    try:
        repo = Repository(home / "data" / "followup.json")
    except DamagedFileError:
        return "damaged"
    found = {}
    for cls in TABLES:
        rows = [asdict(r) for r in repo.all(cls)]
        found[cls.__name__] = [{k: v for k, v in r.items() if k not in ("created", "updated")} for r in rows]
    return found


def _files(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


class TwoHomes:
    """One home set up once, copied for each path; ``run`` takes a line both ways."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = tmp_path / "world"
        (self.root / "home").mkdir(parents=True)
        self.monkeypatch = monkeypatch
        self.tmp_path = tmp_path
        _point_at(self.root, monkeypatch)
        monkeypatch.setattr(launch, "end_process", sys.exit)  # in this process: pytest goes on
        self.db = self.root / "data" / "followup.json"

    def _once(
        self, name: str, args: list[str], capsys: pytest.CaptureFixture[str], entry: Callable[[], None]
    ) -> tuple[Outcome, dict[str, bytes], dict[str, bytes]]:
        home = self.tmp_path / name
        shutil.rmtree(home, ignore_errors=True)  # a copy from an earlier line of the test
        shutil.copytree(self.root, home, symlinks=True)
        _point_at(home, self.monkeypatch)
        rng = random.Random(23)  # the same ids both ways
        self.monkeypatch.setattr(
            ids, "random_id", lambda: "".join(rng.choice(ids.ID_ALPHABET) for _ in range(5))
        )
        line = [a.replace("{home}", str(home)) for a in args]
        self.monkeypatch.setattr(sys, "argv", ["followup", *line])
        before = _files(home)
        capsys.readouterr()
        with pytest.raises(SystemExit) as ended:
            entry()
        out, err = capsys.readouterr()
        code = ended.value.code if isinstance(ended.value.code, int) else 0
        after = _files(home)
        said = (out.replace(str(home), "HOME"), err.replace(str(home), "HOME"))
        return (code, *said, _records(home)), before, after

    def run(self, args: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
        """Take the line through click, then through the console script; both must agree."""
        assert launch.note_line([a.replace("{home}", "/nowhere") for a in args]) is not None  # not click
        by_click, before_c, after_c = self._once(
            "click", args, capsys, lambda: cli.main(prog_name="followup")
        )
        quick, before_q, after_q = self._once("quick", args, capsys, launch.main)
        assert quick == by_click
        assert (after_q == before_q) == (after_c == before_c)  # nothing written when it fails
        return quick


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TwoHomes:
    return TwoHomes(tmp_path, monkeypatch)  # the root conftest turns the collector back on


@pytest.fixture
def interviews(homes: TwoHomes) -> dict[str, str]:
    """Three interviews: two started (one at a company with an accent), one to come."""
    repo = Repository(homes.db)
    made = {
        "acme": repo.add(Interview(company="Acme Société", when="2000-01-02 10:00", tz="UTC")).id,
        "beta": repo.add(Interview(company="Beta Co", when="2001-03-04 09:00", tz="UTC")).id,
        "bell": repo.add(Interview(company="Bell\x1b[31m Labs", when="2999-01-02 10:00", tz="UTC")).id,
    }
    return made


@pytest.mark.parametrize(
    "args",
    [
        ["note", "forgot to ask about the on-call rota"],
        ["note", "They hated me", "--worry"],
        ["note", "--error", "I said 2019, it was 2020"],
        ["note", "hmm", "--interview", "acme"],
        ["note", "--interview=société", "hmm"],
        ["note", "hmm", "--interview", "be"],  # two companies: one line naming both, exit 1
        ["note", "hmm", "--interview", "zzzzz"],
        ["note", "   "],
        ["note", "x" * (CONCERN_TEXT_LIMIT + 1)],
        ["note", "two\nlines\tand \x07 a bell, 🎉"],
        ["--db", "{home}/data/followup.json", "note", "given by --db"],
        ["--db={home}/data/followup.json", "note", "given by --db="],
        ["--db", "{home}/elsewhere/new.json", "note", "a file with no interviews"],
    ],
)
def test_a_note_says_and_stores_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _code, _out, err, _records = homes.run(args, capsys)
    assert err  # every line above says something on stderr, for the comparison to look at


def test_a_note_for_an_interview_given_by_id_is_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err, records = homes.run(
        ["note", "by id", "--worry", "--interview", interviews["bell"]], capsys
    )
    assert code == 0 and "Bell" in err
    assert [c["interview_id"] for c in records["Concern"]] == [interviews["bell"]]


def test_an_empty_folder_is_told_the_same_both_ways(
    homes: TwoHomes, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err, _records = homes.run(["note", "first thought"], capsys)
    assert code == 1 and "no interviews yet" in err


def test_a_damaged_file_is_refused_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    own = device_file(homes.db)
    own.write_bytes(own.read_bytes()[:300])
    code, _out, err, _records = homes.run(["note", "hmm"], capsys)
    assert code == 1 and "doctor" in err


def test_another_devices_file_is_merged_and_its_damage_told_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], on_device: Switch, capsys: pytest.CaptureFixture[str]
) -> None:
    on_device("phone")
    Repository(homes.db).add(Interview(company="From the phone", when="2002-01-01 10:00", tz="UTC"))
    phone = load_device()
    assert phone is not None
    code, _out, err, records = homes.run(["note", "merged"], capsys)
    assert code == 0 and "From the phone" in err
    assert "From the phone" in [i["company"] for i in records["Interview"]]
    phone_file = homes.db.with_name(f"followup.{phone.id}.json")
    phone_file.write_bytes(phone_file.read_bytes()[:300])
    code, _out, err, _records = homes.run(["note", "the phone's file is cut"], capsys)
    assert code == 0 and f"Warning: The file of device {phone.id}, {phone_file.name}," in err


def test_an_interrupt_ends_the_note_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    homes.monkeypatch.setattr(Repository, "add_row", interrupted)
    code, out, err, _records = homes.run(["note", "hmm"], capsys)
    assert (code, out, err) == (1, "", "\nAborted!\n")


def test_an_internal_error_is_reported_without_user_text_both_ways(
    homes: TwoHomes, interviews: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("the secret the user typed")

    homes.monkeypatch.setattr(Repository, "add_row", broken)
    reports = []
    for name, entry in (("click", lambda: cli.main(prog_name="followup")), ("quick", launch.main)):
        homes.monkeypatch.setattr(sys, "argv", ["followup", "note", "the secret the user typed"])
        with pytest.raises(SystemExit) as ended:
            entry()
        out, err = capsys.readouterr()
        reports.append((ended.value.code, out, err.splitlines()[:2]))
        assert "secret" not in err, name
    assert reports[0] == reports[1]
    assert reports[0][2][1] == "Error: RuntimeError"


@pytest.mark.parametrize(
    "args",
    [
        ["note"],
        ["note", "--help"],
        ["note", "-h", "x"],
        ["note", "x", "--worry", "--error"],
        ["note", "x", "--worry", "--worry"],
        ["note", "x", "y"],
        ["note", "--", "-starts with a dash"],
        ["note", "-"],
        ["note", ""],
        ["note", "x", "--interview"],
        ["note", "x", "--interview", "--worry"],
        ["note", "x", "--interview="],
        ["note", "x", "--interview", "a", "--interview", "b"],
        ["note", "x", "--unknown"],
        ["--demo", "note", "x"],
        ["--web", "note", "x"],
        ["--db", "note"],
        ["--db", "a.json", "--db", "b.json", "note", "x"],
        ["list", "note", "x"],
    ],
)
def test_every_other_line_goes_to_click(args: list[str]) -> None:
    assert launch.note_line(args) is None


def test_a_folder_given_as_the_data_file_goes_to_click(tmp_path: Path) -> None:
    assert launch.note_line(["--db", str(tmp_path), "note", "x"]) is None


def test_note_is_a_word_that_a_db_file_may_be_called() -> None:
    line = launch.note_line(["--db", "note", "note", "note", "--worry"])
    assert line is not None
    assert (line.db, line.text, line.interview, line.kind) == ("note", "note", None, "worry")


def _both_processes(args: list[str], **kwargs: Any) -> list[subprocess.CompletedProcess[bytes]]:
    """The line as a process through click, then through the console script."""
    done = []
    for entry in (["-c", CLICK], ["-m", "followup_tui"]):
        done.append(
            subprocess.run([sys.executable, *entry, *args], capture_output=True, timeout=60, **kwargs)
        )
    return done


def _after_a_quick_note(shown: str, before: str = "") -> subprocess.CompletedProcess[str]:
    """Take ``followup note hmm`` through the console script in a new process (``before`` run
    first), which then prints the expression ``shown``."""
    probe = (
        f"import sys; {before}\n"
        "from followup_tui.cli import launch\n"
        "launch.end_process = sys.exit  # to print below\n"
        f"try: launch.main()\nexcept SystemExit: print({shown})"
    )
    return subprocess.run(
        [sys.executable, "-c", probe, "note", "hmm"], capture_output=True, text=True, timeout=60, check=True
    )


def test_a_quick_note_does_not_load_click(interviews: dict[str, str]) -> None:
    done = _after_a_quick_note("'click' in sys.modules")
    assert done.stdout.splitlines()[-1] == "False", done.stdout


def test_a_quick_note_loads_neither_the_models_nor_dataclasses(interviews: dict[str, str]) -> None:
    done = _after_a_quick_note(
        "sorted({'dataclasses', 'followup_tui.domain.models'} & set(sys.modules))",
        before="sys.modules['orjson'] = None  # the [fast] extra imports dataclasses itself",
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    assert done.stderr == "Noted for Beta Co as an unsorted concern.\n"


def test_a_quick_note_loads_neither_tinydb_nor_threading_nor_the_conflicts(
    interviews: dict[str, str],
) -> None:
    """Appending one row needs none of TinyDB's table work, no thread and no conflict to settle."""
    wanted = "{'tinydb', 'threading', 'followup_tui.domain.conflicts', 'followup_tui.store.transaction_db'}"
    done = _after_a_quick_note(f"sorted({wanted} & set(sys.modules))", before="sys.modules['orjson'] = None")
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    assert done.stderr == "Noted for Beta Co as an unsorted concern.\n"


def test_a_quick_note_in_this_machines_zone_loads_no_zone_file_nor_unicode_tables(homes: TwoHomes) -> None:
    """Where the C library keeps this machine's zone (``zones.libc_zone``), a note on an interview
    in that zone, or in none, reads its clock without the zone database; plain text needs no
    Unicode tables."""
    here = zones.libc_zone()
    repo = Repository(homes.db)
    repo.add(Interview(company="Beta Co", when="2001-03-04 09:00", tz=here or ""))
    repo.add(Interview(company="Gamma", when="2000-01-02 10:00"))
    done = _after_a_quick_note("sorted({'zoneinfo', 'unicodedata'} & set(sys.modules))")
    assert done.stdout.splitlines()[-1] == ("[]" if here else "['zoneinfo']"), done.stdout
    assert done.stderr == "Noted for Beta Co as an unsorted concern.\n"


def test_a_quick_note_ends_its_process_with_everything_said(interviews: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "note", "hmm", "--interview", "zzzzz"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "Error: No interview with id 'zzzzz' or at a company of that name.\n"
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "note", "hmm"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr == "Noted for Beta Co as an unsorted concern.\n"
    assert [c.id for c in Repository(os.environ["FOLLOWUP_DB"]).all(Concern)] == [done.stdout.strip()]


def test_a_process_without_stderr_says_nothing_more_on_stdout_both_ways(
    homes: TwoHomes, interviews: dict[str, str]
) -> None:
    said = []
    for entry in (f'-c "{CLICK}"', "-m followup_tui"):
        line = f"exec 2>&-; {shlex.quote(sys.executable)} {entry} note hmm; echo status $?"
        done = subprocess.run(["sh", "-c", line], capture_output=True, text=True, timeout=60)
        said.append(done.stdout.splitlines()[1:])  # the id, then the status
    assert said == [["status 0"], ["status 0"]]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-8"])
def test_a_company_beyond_ascii_is_said_the_same_both_ways_whatever_the_streams_encoding(
    homes: TwoHomes, interviews: dict[str, str], encoding: str
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    by_click, quick = _both_processes(["note", "hmm", "--interview", "acme"], env=env)
    assert b"Soci" in by_click.stderr
    assert (quick.returncode, quick.stderr) == (by_click.returncode, by_click.stderr)


@pytest.mark.parametrize("rule", ["UTC+99", "\x1b[31mRed/Zone"])
def test_an_unusable_tz_is_warned_of_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str], rule: str
) -> None:
    by_click, quick = _both_processes(["note", "hmm"], env={**os.environ, "TZ": rule})
    assert by_click.stderr.startswith(b"Warning: ")
    assert b"\x1b" not in quick.stderr
    assert (quick.returncode, quick.stderr) == (by_click.returncode, by_click.stderr)


def test_a_reader_gone_away_ends_the_note_the_same_both_ways(
    homes: TwoHomes, interviews: dict[str, str]
) -> None:
    ended = []
    for entry in (["-c", CLICK], ["-m", "followup_tui"]):
        read, write = os.pipe()
        os.close(read)  # nobody reads stdout
        try:
            done = subprocess.run(
                [sys.executable, *entry, "note", "hmm"], stdout=write, stderr=subprocess.PIPE, timeout=60
            )
        finally:
            os.close(write)
        ended.append((done.returncode, done.stderr))
    assert ended[0][0] == 141
    assert ended[1] == ended[0]
    assert len(Repository(homes.db).all(Concern)) == 2  # each was saved before its id was printed
