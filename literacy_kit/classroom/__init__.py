"""The classroom server: learners log in on their phones with a card and a PIN, on a real
JupyterHub, and do the course's exercises by tapping (``literacy-kit classroom …``).

Generic code: it finds assignments in the course folder and never names a domain.
"""
from .settings import ClassroomSettings
from .state import ClassroomState

__all__ = ["ClassroomSettings", "ClassroomState"]
