"""VNeID's views: the simulator in the phone frame, its screens and the kiosk tile. They
show the state kept by :mod:`literacy_kit.vneid.logic`."""
