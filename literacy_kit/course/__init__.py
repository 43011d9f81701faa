"""Course operations for trainers: the course folder, its settings, the roster of learners,
results read from nbgrader's gradebook, the progress report and completion slips."""
from .course_dir import CourseDir
from .errors import CourseError
from .settings import CourseSettings

__all__ = ["CourseDir", "CourseError", "CourseSettings"]
