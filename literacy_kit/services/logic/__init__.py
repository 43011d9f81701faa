"""Online public services' pure logic: procedures as data, names, dates, forms, documents,
the application state machine, the synthetic family and scoring. Nothing here imports
ipywidgets."""
