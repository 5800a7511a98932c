"""Specified documents: JSON descriptions of written updates and their renderer.

A specification (see ``corpus/SPEC.md``) fixes the text of every page of a written update and
carries hand-written gold labels, so the pipeline can be measured against documents whose
content is known exactly. ``python -m corpus.render SPEC_DIR OUT_DIR`` turns each specification
into the PDF or Word file it describes.

The bundled samples in ``corpus/samples/`` are invented written updates in the style of those
States Parties submit to the Intersessional Meetings; their figures are illustrative and are not
the data the named States reported.
"""
