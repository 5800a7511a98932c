"""The Committees' side of the warehouse: which actions and views each Committee follows, the
packs prepared for its thematic day, and how query results are written out."""
