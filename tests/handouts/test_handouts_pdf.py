"""Every handout builds as a real PDF; its text, read back with pypdf, holds the Vietnamese
exactly (NFC, every tone mark), the font is embedded, and the command writes them all."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit import content
from literacy_kit.cli import main
from literacy_kit.handouts import load_contacts, load_plans, make_handouts
from literacy_kit.handouts import render
from literacy_kit.i18n import t
from literacy_kit.text import fold_space

pypdf = pytest.importorskip("pypdf")

PLANS = load_plans()


def pdf_text(path_or_bytes) -> str:
    import io

    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    reader = pypdf.PdfReader(source)
    return fold_space(" ".join(page.extract_text() for page in reader.pages))


def holds(text: str, expected: str) -> bool:
    """``expected`` appears in the page text exactly, line breaks aside."""
    assert unicodedata.is_normalized("NFC", text)
    return fold_space(expected) in text


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handouts")
    return {path.name: path for path in make_handouts(folder, "vi")}


def test_every_handout_is_written(handouts):
    expected = {f"{kind}_{plan.id}.pdf" for plan in PLANS for kind in ("plan", "check", "check_key")}
    expected |= {"glossary.pdf", "scam_rules.pdf", "contacts.pdf"}
    assert expected <= set(handouts)
    assert any(name.startswith("steps_") for name in handouts), "step cards from the domains"
    assert not [p for p in next(iter(handouts.values())).parent.iterdir() if p.name.startswith(".")]


def test_fonts_are_embedded(handouts):
    for path in handouts.values():
        reader = pypdf.PdfReader(path)
        fonts = [f for page in reader.pages for f in page["/Resources"]["/Font"].values()]
        for font in fonts:
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, path.name


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_pdf_holds_every_block_in_vietnamese(handouts, plan):
    text = pdf_text(handouts[f"plan_{plan.id}.pdf"])
    assert holds(text, plan.title.vi)
    for block in plan.blocks:
        assert holds(text, block.title.vi), block.id
        assert holds(text, block.says.vi), block.id
        assert holds(text, f"{render.clock(block.start)}–{render.clock(block.end)}")
        if block.cut:
            assert holds(text, block.cut.vi), block.id
    for note in plan.trainer_notes:
        assert holds(text, note.vi)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_check_sheet_and_key(handouts, plan):
    sheet = pdf_text(handouts[f"check_{plan.id}.pdf"])
    key = pdf_text(handouts[f"check_key_{plan.id}.pdf"])
    assert len(pypdf.PdfReader(handouts[f"check_{plan.id}.pdf"]).pages) <= 2
    assert holds(sheet, t("handouts.check_not_graded", "vi"))
    for question in plan.check:
        assert holds(sheet, question.stem.vi)
        for _, option in question.options:
            assert holds(sheet, option.vi)
        assert holds(key, dict(question.options)[question.answer].vi)
    assert plan.id in key and "prepost.csv" in key


def test_glossary_holds_every_term_and_meaning(handouts):
    text = pdf_text(handouts["glossary.pdf"])
    for page in content.load("glossary").pages.values():
        assert holds(text, page.title.vi)
        for paragraph in page.body:
            assert holds(text, paragraph.vi), page.id


def test_scam_rules_fit_one_page(handouts):
    assert len(pypdf.PdfReader(handouts["scam_rules.pdf"]).pages) == 1
    text = pdf_text(handouts["scam_rules.pdf"])
    for page in content.load("scam_rules").pages.values():
        for paragraph in page.body:
            assert holds(text, paragraph.vi)


def test_contact_sheet_blank_lines_and_filled_numbers(handouts, tmp_path):
    text = pdf_text(handouts["contacts.pdf"])
    assert holds(text, "Công an xã " + "." * 40)
    assert holds(text, "Báo cuộc gọi rác 156")
    filled = tmp_path / "lien_he.yaml"
    template = (render.__file__.rsplit("/", 1)[0] + "/data/contacts.yaml")
    filled.write_text(open(template, encoding="utf-8").read().replace('phone: ""', 'phone: "0204 3 888 999"', 1),
                      encoding="utf-8")
    text = pdf_text(render.render_contacts(load_contacts(filled), "vi"))
    assert holds(text, "Công an xã 0204 3 888 999")


def test_english_handouts_are_english():
    plan = PLANS[0]
    text = pdf_text(render.render_plan(plan, "en"))
    assert holds(text, plan.blocks[0].says.en)
    assert plan.blocks[0].says.vi not in text


def test_command_writes_them_all_and_refuses_a_bad_contacts_file(tmp_path, capsys):
    bad = tmp_path / "lien_he.yaml"
    bad.write_text("commune: [\n", encoding="utf-8")
    assert main(["handouts", "--out", str(tmp_path / "out"), "--contacts", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "lien_he.yaml" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists(), "nothing written before the settings are read"
    assert main(["handouts", "--out", str(tmp_path / "out"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "glossary.pdf" in out and (tmp_path / "out" / "glossary.pdf").is_file()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_glyph_is_in_the_embedded_font(tmp_path, caplog, lang):
    """fpdf2 logs the characters a font lacks (they would print as blanks): none may be."""
    import logging

    with caplog.at_level(logging.WARNING):
        make_handouts(tmp_path, lang)
    missing = [r.getMessage() for r in caplog.records if "missing" in r.getMessage()]
    assert missing == []
