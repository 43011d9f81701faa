"""``classroom cards``: a real PDF of login cards whose PINs open the classroom."""
from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from literacy_kit.classroom.cards import LoginCard, qr_png, render_cards
from literacy_kit.classroom.pins import PinStore
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.cli import main
from literacy_kit.course.course_dir import CourseDir


def pdf_text(path) -> list[str]:
    return [unicodedata.normalize("NFC", page.extract_text()) for page in PdfReader(path).pages]


def test_cards_print_each_learner_once_with_a_pin_that_works(course, capsys):
    assert main(["classroom", "cards", "--course", str(course), "--address", "http://10.0.0.5:8000/"]) == 0
    pages = pdf_text(course / "the_dang_nhap.pdf")
    assert len(pages) == 1
    text = pages[0]
    for name in ("Nguyễn Văn An", "Lò Thị Bình", "Hoàng Văn Cường", "Trần Thị Giang"):
        assert name in text
    assert text.count("http://10.0.0.5:8000/") == 4
    store = PinStore(ClassroomState(CourseDir(course)).pins)
    pins = {}
    for learner in ("hv01", "hv02", "hv03", "gv01"):
        # the PIN is printed in spaced digits right after the learner's id block
        found = re.search(re.escape(learner) + r"\s*\D*?((?:\d ?){6})", text)
        assert found, learner
        pins[learner] = found.group(1).replace(" ", "")
        assert store.check(learner, pins[learner]).ok
    assert (course / "the_dang_nhap.pdf").stat().st_mode & 0o077 == 0
    # a second run prints nobody (PINs exist only on the first cards) and says so
    capsys.readouterr()
    assert main(["classroom", "cards", "--course", str(course), "--lang", "en"]) == 0
    assert "4 learners already have a PIN" in capsys.readouterr().out
    # reissuing one learner prints that card only; the old PIN stops working
    out = course / "again.pdf"
    assert main(["classroom", "cards", "--course", str(course), "--reissue", "hv02",
                 "--output", str(out)]) == 0
    again = pdf_text(out)[0]
    assert "Lò Thị Bình" in again and "Nguyễn Văn An" not in again
    assert not store.check("hv02", pins["hv02"]).ok or pins["hv02"] in again


def test_eight_cards_per_page_each_with_its_qr_code():
    cards = [LoginCard(f"hv{i:02d}", f"Người học {i}", "123456") for i in range(1, 10)]
    data = render_cards(cards, "http://192.168.1.10:8000/", "vi")
    import io

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    # one QR image per card (fpdf2 stores the picture once and draws it on every card)
    assert [page.get_contents().get_data().count(b" Do") for page in reader.pages] == [8, 1]
    assert "hv09" in reader.pages[1].extract_text()


def test_qr_code_encodes_the_address():
    import segno

    png = qr_png("http://192.168.1.10:8000/")
    assert png.startswith(b"\x89PNG")
    # same symbol as segno makes for that text, different from another address
    assert png == qr_png("http://192.168.1.10:8000/") != qr_png("http://192.168.1.11:8000/")
    assert segno.make_qr("http://192.168.1.10:8000/", error="m").designator


def test_unknown_reissue_id_is_refused(course, capsys):
    assert main(["classroom", "cards", "--course", str(course), "--reissue", "hv99"]) == 1
    assert "hv99" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_unlock_command(course, capsys, lang):
    store = PinStore(ClassroomState(CourseDir(course)).pins, max_failures=1)
    pin = store.issue(["hv01"])["hv01"]
    store.check("hv01", "x")
    assert store.check("hv01", pin).status == "locked"
    assert main(["classroom", "unlock", "hv01", "--course", str(course), "--lang", lang]) == 0
    assert store.check("hv01", pin).ok
    assert main(["classroom", "unlock", "hv03", "--course", str(course), "--lang", lang]) == 1
    assert "hv03" in capsys.readouterr().err


def test_serve_refuses_a_course_without_roster_or_a_busy_port(tmp_path, capsys):
    import socket

    from classroom.course_setup import make_course

    course = make_course(tmp_path, trainers=())
    (course / "roster.json").unlink()
    assert main(["classroom", "serve", "--course", str(course), "--lang", "en"]) == 1
    assert "roster" in capsys.readouterr().err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        course2 = make_course(tmp_path / "two")
        assert main(["classroom", "serve", "--course", str(course2), "--port", str(port), "--lang", "en"]) == 1
        assert f"Port {port} is in use" in capsys.readouterr().err
    assert main(["classroom", "serve", "--course", str(course2), "--port", "http"]) == 2
