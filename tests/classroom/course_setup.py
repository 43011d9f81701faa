"""A small course folder for the classroom tests (nbgrader's database only when asked)."""
from __future__ import annotations

import shutil
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
ROSTER = ("id,name,village,role\n"
          "hv01,Nguyễn Văn An,Thôn Đồng Vành,official\n"
          "hv02,Lò Thị Bình,Thôn Phú Hưng,household\n"
          "hv03,Hoàng Văn Cường,Thôn Khuôn Thần,youth\n"
          "gv01,Trần Thị Giang,Xã Sơn Động,other\n")


def make_course(root: Path, assignments=("vneid",), trainers=("gv01",), gradebook=False) -> Path:
    """``root/exercises``: the real config, the given sources and the roster (imported into
    the gradebook too with ``gradebook``; that costs nbgrader's database set-up)."""
    from literacy_kit.course.course_dir import CourseDir
    from literacy_kit.course.roster import import_roster, parse_roster, write_roster

    course = root / "exercises"
    course.mkdir(parents=True)
    config = (REPO / "exercises" / "nbgrader_config.py").read_text(encoding="utf-8")
    config += f"\nc.ClassroomSettings.trainers = {list(trainers)!r}\n"
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    for name in assignments:
        shutil.copytree(REPO / "exercises" / "source" / name, course / "source" / name)
    csv = root / "roster.csv"
    csv.write_text(ROSTER, encoding="utf-8")
    if gradebook:
        import_roster(CourseDir(course), csv)
    else:
        write_roster(CourseDir(course), {p.id: p for p in parse_roster(csv.read_bytes()).learners})
    return course
