"""The safety domain: scam awareness ("L\u1eeba hay th\u1eadt?").

Layout, as in every domain package: ``logic/`` holds pure Python (:func:`check_link` reads a
link the way a careful person would, :func:`assess_message` points at the words that give
a scam away, :func:`default_bank` is the scenario bank of scam and genuine messages);
``widgets/`` holds the views (the phone simulator, the sorting and quiz views, the graded
items, the kiosk tile); ``catalogs/``, ``content/`` and ``data/`` hold its texts and data;
``plugin.py`` registers the domain. This package re-exports the logic only: importing it
does not import ipywidgets.

>>> check_link("dichvucong-gov.vn").flags
('lookalike',)
>>> assess_message("Em doc giup chi ma OTP vua gui nham nhe").flags
('asks_otp',)
"""
from __future__ import annotations

from .logic.bank import ACTIONS, CHANNELS, Bank, ScamItem, default_bank, load_bank
from .logic.data_files import SafetyDataError
from .logic.links import FLAGS as LINK_FLAGS
from .logic.links import LinkReport, check_link, find_links
from .logic.messages import FLAGS as MESSAGE_FLAGS
from .logic.messages import MessageReport, Trigger, assess_message

__all__ = ["ACTIONS", "Bank", "CHANNELS", "LINK_FLAGS", "LinkReport", "MESSAGE_FLAGS",
           "MessageReport", "SafetyDataError", "ScamItem", "Trigger", "assess_message",
           "check_link", "default_bank", "find_links", "load_bank"]
