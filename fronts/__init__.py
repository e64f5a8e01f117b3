"""Edited fronts: the front page's and each section front's lineup, a lead story and top stories
in the editors' order, taking effect at a time editors choose; the rest of a front fills in
newest first (see lineups.py)."""
