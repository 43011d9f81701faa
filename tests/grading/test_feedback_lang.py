"""Feedback pages in Vietnamese or English, from the real nbgrader, with no hidden tests.

Fast tests first: the bilingual message a test cell shows, the LocalizeMessages
preprocessor on in-memory notebooks, and the course config. Then one real graded course
for the module (three learners of the ``vneid`` assignment, each nbgrader call costs
seconds of start-up) on which ``literacy_kit.course.feedback.generate_feedback`` makes
the pages in both languages; the learner's own notebook is executed and validated too.
"""
from __future__ import annotations

import ast
import html
import re
import shutil
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets import TraitError

from literacy_kit import content
from literacy_kit.grading import AnswerStore, Grader, answers_filename, format_points, messages
from literacy_kit.grading.feedback import StripHiddenTests
from literacy_kit.grading.feedback_lang import (LABELS, TEMPLATE_DIR, TEMPLATE_NAME,
                                                LocalizeMessages, feedback_config)
from literacy_kit.grading.messages import MESSAGE_MIME
from literacy_kit.i18n import LANGS, t

import course_support
from course_support import COURSE, graded_course, read_scores

from .test_vneid_exercise import BEGIN, giveaways, hidden_part

ASSIGNMENT = "vneid"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
OTHER = {"vi": "en", "en": "vi"}


def readable(page: str) -> str:
    """The page as a reader sees it: no styles, no tags, entities decoded."""
    body = re.sub(r"<style.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def message_output(vi="Xin chao", en="Hello", plain=None):
    return new_output("display_data", data={"text/plain": plain or vi,
                                            MESSAGE_MIME: {"vi": vi, "en": en}})


# -- the message a test cell shows -----------------------------------------------------------
class FakeShell:
    display_pub = object()


def test_outside_ipython_the_message_is_printed(folder, capsys):
    assert Grader(ASSIGNMENT, lang="en").say("grading.unanswered") == "No answer yet."
    assert capsys.readouterr().out == "No answer yet.\n"


def test_in_ipython_one_display_output_carries_every_language(folder, capsys, monkeypatch):
    published = []
    monkeypatch.setattr(messages, "_shell", lambda: FakeShell())
    monkeypatch.setattr("IPython.display.publish_display_data",
                        lambda data, *args, **kwargs: published.append(data))
    AnswerStore.for_exercise(ASSIGNMENT).set("invalid_ids", {"selected": ["n1"]})
    points = Grader(ASSIGNMENT).picks("invalid_ids", ["n2"], points=4)
    assert points == 0.0 and capsys.readouterr() == ("", "")     # nothing printed twice
    (bundle,) = published
    assert bundle["text/plain"] == bundle[MESSAGE_MIME]["vi"]
    assert set(bundle[MESSAGE_MIME]) == set(LANGS)
    assert bundle[MESSAGE_MIME]["en"].endswith(t("grading.points", "en", score="0", max="4"))


# -- LocalizeMessages on notebooks in memory ---------------------------------------------------
def graded_cell(source, outputs=(), grade_id="q1_level1_steps", points=3):
    cell = new_code_cell(source, metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": grade_id, "points": points}})
    cell.outputs = list(outputs)
    return cell


SOURCE = ("grader.require('q')\n"
          "### BEGIN HIDDEN TESTS\n"
          "grader.picks('q', ['n2'], points=3)\n"
          "### END HIDDEN TESTS")


@pytest.mark.parametrize("lang", LANGS)
def test_messages_take_the_page_language_and_lose_the_json(lang):
    plain = new_output("display_data", data={"text/plain": "other output"})
    result = new_output("execute_result", data={"text/plain": "1.5"}, execution_count=1)
    nb = new_notebook(cells=[graded_cell(SOURCE, [message_output(), plain, result])])
    nb, _ = StripHiddenTests(lang="vi").preprocess(nb, {})   # the note comes in Vietnamese
    nb, resources = LocalizeMessages(lang=lang).preprocess(nb, {})
    cell = nb.cells[0]
    assert cell.outputs[0].data == {"text/plain": {"vi": "Xin chao", "en": "Hello"}[lang]}
    assert cell.outputs[1:] == [plain, result]
    assert cell.source.splitlines()[1] == f"# {t('grading.hidden_tests_note', lang)}"
    strings = resources["literacy_kit"]
    assert strings["lang"] == lang and set(strings["labels"]) == set(LABELS)
    assert strings["labels"]["score"] == t("grading.feedback_score", lang)
    assert strings["decimal"] == ("," if lang == "vi" else ".")
    assert strings["cells"] == {"q1_level1_steps": t("grading.cell_question", lang, number=1)
                                .capitalize()}


def test_odd_message_outputs_never_stop_the_page():
    outputs = [new_output("display_data", data={"text/plain": "kept", MESSAGE_MIME: "junk"}),
               new_output("display_data", data={"text/plain": ["a", "b"], MESSAGE_MIME: {"vi": 3}}),
               message_output(vi="chi tieng Viet", en=None)]
    nb = new_notebook(cells=[graded_cell("x = 1", outputs), new_markdown_cell("# hello"),
                             graded_cell("y = 2", grade_id="cell-1234", points=1)])
    nb, resources = LocalizeMessages(lang="en").preprocess(nb, {})
    texts = [output.data for output in nb.cells[0].outputs]
    assert texts == [{"text/plain": "kept"}, {"text/plain": "ab"},
                     {"text/plain": "chi tieng Viet"}]
    assert "cell-1234" not in resources["literacy_kit"]["cells"]   # the template's label


@pytest.mark.parametrize("lang, code", [("EN", "en"), ("vi_VN", "vi"), ("en-US", "en")])
def test_lang_accepts_locale_spellings(lang, code):
    assert LocalizeMessages(lang=lang).lang == code


@pytest.mark.parametrize("lang", ["fr", "eng", ""])
def test_an_unknown_language_is_refused_not_turned_into_vietnamese(lang):
    with pytest.raises(TraitError):
        LocalizeMessages(lang=lang)


def test_disabled_does_nothing():
    nb = new_notebook(cells=[graded_cell("x", [message_output()])])
    out, _ = LocalizeMessages(enabled=False, lang="en")(nb, {})
    assert MESSAGE_MIME in out.cells[0].outputs[0].data


# -- the course config ---------------------------------------------------------------------------
def course_config():
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(COURSE)).load_config()


def test_course_config_localizes_feedback_with_our_template_only_in_generate_feedback():
    from nbconvert.exporters import HTMLExporter
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory

    config = course_config()
    steps = config.GenerateFeedback.preprocessors
    assert steps.index(StripHiddenTests) < steps.index(LocalizeMessages)
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    exporter = HTMLExporter(parent=converter, config=converter.config)
    assert exporter.template_name == TEMPLATE_NAME
    assert str(TEMPLATE_DIR) in exporter.extra_template_basedirs
    assert (TEMPLATE_DIR / TEMPLATE_NAME / "index.html.j2").is_file()
    # the formgrader's exporter (no GenerateFeedback parent) keeps nbgrader's templates
    assert HTMLExporter(config=config).template_name != TEMPLATE_NAME


def test_feedback_config_sets_the_language_of_both_preprocessors():
    config = feedback_config("EN")
    assert config.LocalizeMessages.lang == "en" and config.StripHiddenTests.lang == "en"
    with pytest.raises(ValueError):
        feedback_config("fr")


# -- a real course: generate_feedback in both languages -------------------------------------
@pytest.fixture(scope="module")
def expected() -> dict[str, list]:
    """``{grader method: [literal arguments]}`` of the source notebook's hidden tests."""
    nb = nbformat.read(COURSE / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    calls = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and BEGIN in cell.source:
            call = ast.parse(textwrap.dedent(hidden_part(cell.source))).body[-1].value
            calls[call.func.attr] = [ast.literal_eval(arg) for arg in call.args]
    return calls


def plans(expected) -> dict[str, dict]:
    """Answer files of three learners: all right, about half right, garbage."""
    order_key, order = expected["ordering"]
    (truth,) = expected["true_false"]
    picks_key, invalid = expected["picks"]
    stage_key, stage_name, credits = expected["stage"]
    options = [o.id for o in content.load("vneid_exercise").questions[picks_key].options]
    wrong_pick = next(option for option in options if option not in invalid)
    return {
        "hv01": {order_key: {"placed": list(order)},
                 **{key: {"selected": ["true" if value else "false"]}
                    for key, value in truth.items()},
                 picks_key: {"selected": list(invalid)},
                 stage_key: {stage_name: max(credits, key=credits.get)}},
        # 3/6 steps in place, every statement "true", one right pick swapped for a wrong
        # one, the registration sent but not activated
        "hv02": {order_key: {"placed": order[:3] + order[4:] + order[3:4]},
                 **{key: {"selected": ["true"]} for key in truth},
                 picks_key: {"selected": invalid[:-1] + [wrong_pick]},
                 stage_key: {stage_name: "pending"}},
        "hv04": {"garbage": b"\x00{\"answers\": [not json"},
    }


def write_answers(folder: Path, plan: dict) -> None:
    store = AnswerStore.for_exercise(ASSIGNMENT, folder)
    for key, value in plan.items():
        assert store.set(key, value)


@pytest.fixture(scope="module")
def course(tmp_path_factory, expected):
    """The graded course and the pages plain ``nbgrader generate_feedback`` made in it."""
    root = graded_course(tmp_path_factory.mktemp("feedback") / "course", ASSIGNMENT,
                         plans(expected), write_answers)
    plain = {path.parts[-3]: path.read_text("utf-8")
             for path in sorted((root / "feedback").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.html"))}
    return root, plain


@pytest.fixture(scope="module")
def runs(course):
    """``{lang: (FeedbackRun, {learner: page text})}``, Vietnamese made first, then English."""
    from literacy_kit.course.feedback import generate_feedback

    root, _ = course
    made = {}
    for lang in ("vi", "en"):
        run = generate_feedback(root, ASSIGNMENT, lang=lang)
        print(f"generate_feedback {lang}: {run.seconds:.2f} s for {len(run.pages)} pages")
        made[lang] = run, {learner: page.read_text("utf-8") for learner, page in run.pages.items()}
    return made


@pytest.fixture(scope="module")
def leak_patterns(expected):
    return giveaways(expected) + [re.compile("HIDDEN TESTS"),
                                  re.compile(r"grader\.(ordering|true_false|picks|stage)\(")]


def shown_messages(root: Path, learner: str) -> list[dict]:
    """The bilingual messages the learner's autograded notebook holds."""
    nb = nbformat.read(root / "autograded" / learner / ASSIGNMENT / NOTEBOOK, as_version=4)
    return [output.data[MESSAGE_MIME] for cell in nb.cells if cell.cell_type == "code"
            for output in cell.outputs if MESSAGE_MIME in output.get("data", {})]


def test_one_page_per_learner_where_nbgrader_puts_it(course, runs):
    root, _ = course
    for lang, (run, pages) in runs.items():
        assert run.failed == {}
        assert sorted(run.pages) == ["hv01", "hv02", "hv04"]
        for learner, page in run.pages.items():
            assert page == root / "feedback" / learner / ASSIGNMENT / f"{ASSIGNMENT}.html"


@pytest.mark.parametrize("lang", LANGS)
def test_pages_are_in_one_language(course, runs, lang):
    root, _ = course
    _, pages = runs[lang]
    for learner, page in pages.items():
        text = readable(page)
        assert f'<html lang="{lang}">' in page
        assert t("grading.points", lang, score="", max="").split(":")[0] + ":" in text
        for name in ("heading", "score", "top"):
            assert t(f"grading.feedback_{name}", lang) in text, name
        assert t("grading.feedback_score", OTHER[lang]) + ":" not in text
        assert t("grading.hidden_tests_note", lang) in text
        assert t("grading.hidden_tests_note", OTHER[lang]) not in text
        shown = shown_messages(root, learner)
        assert len(shown) >= 4, "every test cell shows at least one message"
        for message in shown:
            assert message[lang] in text, message
            assert message[OTHER[lang]] not in text, message
        assert MESSAGE_MIME not in page


def test_the_half_right_learner_reads_exact_messages(runs):
    vi, en = readable(runs["vi"][1]["hv02"]), readable(runs["en"][1]["hv02"])
    assert "Có 3/6 bước ở đúng vị trí. Điểm: 1,5/3." in vi
    assert "3/6 steps in the right place. Points: 1.5/3." in en
    assert "Không đọc được" in readable(runs["vi"][1]["hv04"])
    assert "could not be read" in readable(runs["en"][1]["hv04"])


def test_no_page_shows_hidden_tests_or_answers(course, runs, leak_patterns):
    root, plain = course
    pages = [page for _, made in runs.values() for page in made.values()] + list(plain.values())
    assert len(pages) == 9
    for page in pages:
        assert course_support.leaks(page, leak_patterns) == []
    # the check itself finds the answers where they are
    autograded = (root / "autograded" / "hv01" / ASSIGNMENT / NOTEBOOK).read_text("utf-8")
    assert len(course_support.leaks(autograded, leak_patterns)) == len(leak_patterns)


# What a browser would fetch: src=, <link href=>, CSS url() and @import (links in <a> are
# not fetched), to http(s) or protocol-relative addresses.
REMOTE = re.compile(r"""(?:\bsrc\s*=\s*["']?|<link\b[^>]*\bhref\s*=\s*["']?"""
                    r"""|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""", re.IGNORECASE)


def test_pages_load_nothing_from_the_network(course, runs):
    _, plain = course
    made = [page for _, pages in runs.values() for page in pages.values()]
    for page in made + list(plain.values()):
        assert REMOTE.findall(page) == []
        assert "cdnjs" not in page and "unpkg" not in page and "jsdelivr" not in page
        assert "<script" not in page.lower()      # nothing to run: widgets show a note instead
    assert REMOTE.search('<script src="https://cdnjs.cloudflare.com/x.js">')   # the check works


def graded_points() -> dict[str, float]:
    nb = nbformat.read(COURSE / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"]
            for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade")
            and cell.metadata.nbgrader.get("points")}


@pytest.mark.parametrize("lang", LANGS)
def test_scores_shown_are_the_gradebook_scores(course, runs, lang):
    root, _ = course
    points = graded_points()
    label = t("grading.feedback_score", lang)
    for learner, page in runs[lang][1].items():
        max_score, total, scores, _ = read_scores(root, ASSIGNMENT, learner, points)
        shown_total = re.search(r'class="lk-feedback-total">([^<]*)<', page).group(1)
        assert html.unescape(shown_total) == (
            f"{label}: {format_points(total, lang)} / {format_points(max_score, lang)}")
        shown = {grade_id: html.unescape(text) for grade_id, text in re.findall(
            r'class="lk-feedback-score" data-grade-id="([^"]+)">([^<]*)<', page)}
        assert shown == {cell: f"{label}: {format_points(scores[cell], lang)} / "
                               f"{format_points(points[cell], lang)}" for cell in points}
    # autograde still reads the cells' values as partial credit
    assert read_scores(root, ASSIGNMENT, "hv01", points)[1] == sum(points.values())
    assert read_scores(root, ASSIGNMENT, "hv02", points)[2]["q1_level1_steps"] == 1.5
    assert read_scores(root, ASSIGNMENT, "hv04", points)[1] == 0


def test_plain_nbgrader_generate_feedback_uses_the_course_template(course):
    _, plain = course
    assert sorted(plain) == ["hv01", "hv02", "hv04"]
    for page in plain.values():
        assert '<html lang="vi">' in page and 'class="lk-feedback-total"' in page
        assert "Điểm:" in readable(page)


def test_failures_are_listed_and_never_stop_the_others(course, runs):
    from literacy_kit.course.feedback import generate_feedback

    root, _ = course
    stray = root / "autograded" / "hv99" / ASSIGNMENT       # not in the gradebook
    shutil.copytree(root / "autograded" / "hv01" / ASSIGNMENT, stray)
    try:
        run = generate_feedback(root, ASSIGNMENT, lang="en", learners=["hv99", "hv01", "nobody"])
    finally:
        shutil.rmtree(stray.parent)
        shutil.rmtree(root / "feedback" / "hv99", ignore_errors=True)
    assert sorted(run.pages) == ["hv01"] and sorted(run.failed) == ["hv99", "nobody"]
    assert run.failed["nobody"] == t("grading.feedback_no_submission", "en", assignment=ASSIGNMENT)
    assert run.failed["hv99"].startswith("nbgrader could not make the page: ")
    assert "MissingEntry" in run.failed["hv99"]          # nbgrader's own exception line


def test_without_force_an_existing_page_is_kept(course, runs):
    from literacy_kit.course.feedback import generate_feedback

    root, _ = course
    page = root / "feedback" / "hv02" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    before = page.read_text("utf-8")
    run = generate_feedback(root, ASSIGNMENT, lang="vi", learners=["hv02"], force=False)
    assert run.pages == {"hv02": page} and page.read_text("utf-8") == before


# -- the learner's own notebook -------------------------------------------------------------
@pytest.fixture
def learner_copy(course, tmp_path):
    """The released notebook with hv02's answers, as the learner has it."""
    root, _ = course
    shutil.copy(root / "release" / ASSIGNMENT / NOTEBOOK, tmp_path / NOTEBOOK)
    answers = answers_filename(ASSIGNMENT)
    shutil.copy(root / "submitted" / "hv02" / ASSIGNMENT / answers, tmp_path / answers)
    return tmp_path / NOTEBOOK


def test_the_learner_sees_each_message_once_in_the_kernel_language(learner_copy, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.delenv("LK_GRADING_LANG", raising=False)
    nb = nbformat.read(learner_copy, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=60,
                   resources={"metadata": {"path": str(learner_copy.parent)}}).execute()
    answered = t("grading.answered", "vi")
    for cell in nb.cells:
        if not cell.metadata.get("nbgrader", {}).get("points"):
            continue
        assert [output.output_type for output in cell.outputs] == ["display_data"]
        data = cell.outputs[0].data
        assert data["text/plain"] == answered
        assert data[MESSAGE_MIME] == {lang: t("grading.answered", lang) for lang in LANGS}


def test_validate_still_succeeds_on_the_learner_notebook(course, learner_copy, monkeypatch):
    from nbgrader.validator import Validator

    from literacy_kit.course.course_dir import load_course_config

    monkeypatch.delenv("LK_GRADING_LANG", raising=False)
    root, _ = course
    assert Validator(config=load_course_config(root)).validate(str(learner_copy)) == {}
