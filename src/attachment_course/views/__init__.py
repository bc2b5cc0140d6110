"""The three media of every exercise: ``live`` (ipywidgets in Jupyter), ``web`` (static HTML with
a small script, no kernel) and ``printed`` (MyST Markdown the PDF typesets). Only these modules
know about widgets, HTML or print."""
