"""VNeID's pure logic: ID-number and phone parsers, synthetic citizens, the account state
machine, credentials and the document wallet. Nothing here imports ipywidgets."""
