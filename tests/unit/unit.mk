# unit/unit.mk: filled in by its part of the suite.
