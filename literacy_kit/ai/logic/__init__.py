"""The AI domain's pure logic: personal-data finder, prompt review, the offline assistant,
the OpenAI-compatible client and the scenario data. Nothing here imports ipywidgets."""
