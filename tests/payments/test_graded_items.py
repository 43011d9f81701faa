"""Layer 2: the exercise's tap-only items, their saved answers and their restore after a restart."""
from __future__ import annotations

import ipywidgets as w

from literacy_kit import content
from literacy_kit.grading import Exercise
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one, texts


def test_stalls_show_the_scanned_name_and_keep_refusals(tmp_path, keep):
    ex = Exercise("payments", folder=tmp_path, lang="vi")
    item = keep(ex.pay_right_shop("stall_check"))
    view = item.views[0]
    assert len(find(view, w.Image, css="lk-payments-stall-image")) == 4
    shown = find_one(view, css="lk-payments-stall-shown-s3")
    assert shown.layout.display == "none"
    find_one(view, w.Button, css="lk-payments-stall-scan-s3").click()
    assert "NGUYEN VAN TUAN" in shown.value and "MBBank" in shown.value
    find_one(view, w.Button, css="lk-payments-stall-refuse-s3").click()
    find_one(view, w.Button, css="lk-payments-stall-refuse-s1").click()
    find_one(view, w.Button, css="lk-payments-stall-refuse-s1").click()   # changed its mind
    assert view.state.selected == ("s3",)
    assert "lk-payments-stall-refused" in find_one(view, css="lk-payments-stall-s3")._dom_classes
    assert ex.store.get("stall_check") == {"selected": ["s3"], "scanned": ["s3"]}
    assert t("grading.saved", "vi") in texts(item)
    # No verdict anywhere: the graded view does not know the answer.
    assert t("payments.right", "vi") not in texts(item) and t("payments.wrong", "vi") not in texts(item)

    again = keep(Exercise("payments", folder=tmp_path, lang="en").pay_right_shop("stall_check"))
    restored = again.views[0]
    assert restored.state.selected == ("s3",) and restored.state.scanned == ("s3",)
    assert "NGUYEN VAN TUAN" in find_one(restored, css="lk-payments-stall-shown-s3").value
    assert t("payments.qr_check.refuse", "en") in texts(restored)


def test_listing_lines_build_the_post_and_restore(tmp_path, keep):
    ex = Exercise("payments", folder=tmp_path, lang="vi")
    view = keep(ex.listing_check("honey_listing")).views[0]
    page = content.load("payments_exercise").pages["honey_listing"]
    find_one(view, w.Button, css="lk-payments-line-l5").click()
    find_one(view, w.Button, css="lk-payments-line-l1").click()
    post = find_one(view, css="lk-payments-listing-post").value
    assert post.index(page.body[0].get("vi")) < post.index(page.body[4].get("vi")[:10])
    assert ex.store.get("honey_listing") == {"selected": ["l1", "l5"]}
    view.lang = "en"
    assert page.body[0].get("en") in find_one(view, css="lk-payments-listing-post").value
    again = keep(Exercise("payments", folder=tmp_path).listing_check("honey_listing")).views[0]
    assert again.state.selected == ("l1", "l5")
