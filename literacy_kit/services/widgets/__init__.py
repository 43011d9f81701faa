"""Online public services' views: the portal simulator, its screens, paper forms and the
kiosk tile. They show the state kept by :mod:`literacy_kit.services.logic`."""
