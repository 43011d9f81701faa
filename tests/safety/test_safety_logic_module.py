"""The safety domain's docstring examples, and the logic's independence from widgets."""
from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

MODULES = ["literacy_kit.safety", "literacy_kit.safety.logic.links",
           "literacy_kit.safety.logic.messages", "literacy_kit.safety.logic.bank",
           "literacy_kit.safety.logic.data_files", "literacy_kit.safety.logic.phone",
           "literacy_kit.safety.logic.scoring", "literacy_kit.safety.widgets",
           "literacy_kit.safety.widgets.style", "literacy_kit.safety.widgets.quiz",
           "literacy_kit.safety.widgets.sorting", "literacy_kit.safety.widgets.link_inspector",
           "literacy_kit.safety.widgets.source_notes", "literacy_kit.safety.widgets.simulator",
           "literacy_kit.safety.widgets.kiosk_tile"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_the_logic_does_not_import_widgets():
    code = ("import sys, literacy_kit.safety as s; s.assess_message('x'); s.default_bank(); "
            "print(any(m.split('.')[0] in ('ipywidgets', 'traitlets') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
