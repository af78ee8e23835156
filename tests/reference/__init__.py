"""Plain reference versions of algorithms the package implements faster.

Each module here is the straightforward form of a package algorithm, kept only so that a test can
prove the fast form gives exactly the same results; nothing in ``storyline`` imports them.
"""
