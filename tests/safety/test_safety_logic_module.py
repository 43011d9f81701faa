"""The safety logic's independence from widgets (its docstring examples run through
``--doctest-modules`` with the rest of the package)."""
from __future__ import annotations

import subprocess
import sys


def test_the_logic_does_not_import_widgets():
    code = ("import sys, literacy_kit.safety as s; s.assess_message('x'); s.default_bank(); "
            "import literacy_kit.safety.logic.phone as p; p.scenarios(); "
            "print(any(m.split('.')[0] in ('ipywidgets', 'traitlets') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
