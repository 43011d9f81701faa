"""The safety domain's pure logic: links, messages, the scenario bank and the simulator's
scenarios. Nothing here imports ipywidgets."""
