"""A lesson domain from outside literacy_kit: tap the switch to turn on the lamp.

A test fixture (see ``tests/test_plugin_domain.py``): its own catalog, content file, kiosk
tile and one graded item, registered through the ``literacy_kit.domains`` entry point.
"""
