"""The synthetic files on the simulated phone, and which document each one is a copy of.

Only names and sizes: nothing is read or uploaded. A few are there to be refused (a HEIC
photo, a 30 MB scan, an empty file); :func:`serves` says which document slots a file is a
right copy for, which the exercise's scoring uses.

>>> sample_file("anh_the.heic").size_bytes
2100000
>>> sorted(serves("giay_chung_sinh.jpg"))
['birth_certificate']
"""
from __future__ import annotations

from .documents import MB, Attachment

__all__ = ["SAMPLE_FILES", "sample_file", "serves", "size_text"]

#: (file name, size in bytes, ids of the document slots it is a right copy for).
SAMPLE_FILES: tuple[tuple[str, int, frozenset[str]], ...] = (
    ("giay_chung_sinh.jpg", 850_000, frozenset({"birth_certificate"})),
    ("giay_chung_sinh_chup_lai.jpg", 1_200_000, frozenset({"birth_certificate"})),
    ("giay_chung_sinh_scan.pdf", 30 * MB, frozenset({"birth_certificate"})),
    ("anh_the.heic", 2_100_000, frozenset()),
    ("giay_chung_nhan_ket_hon.pdf", 420_000, frozenset({"marriage_certificate"})),
    ("hop_dong_thue_nha.pdf", 640_000, frozenset({"residence_proof", "premises_proof"})),
    ("to_khai_CT01_da_ky.jpg", 1_100_000, frozenset({"consent_ct01"})),
    ("so_do_dat.pdf", 900_000, frozenset({"premises_proof", "residence_proof"})),
    ("bien_ban_hop_gia_dinh.docx", 60_000, frozenset({"members_minutes"})),
    ("tep_rong.pdf", 0, frozenset()),
)
_BY_NAME = {name: (size, slots) for name, size, slots in SAMPLE_FILES}


def sample_file(name: str) -> Attachment:
    """The synthetic file called ``name`` (``KeyError`` if the phone has none)."""
    return Attachment(name, _BY_NAME[name][0])


def serves(name: str) -> frozenset[str]:
    """Ids of the document slots the file ``name`` is a right copy for (none if unknown)."""
    return _BY_NAME.get(name, (0, frozenset()))[1]


def size_text(size: int) -> str:
    """A size as people read it: ``0,8 MB``, ``30 MB``."""
    text = f"{size / MB:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " MB"
