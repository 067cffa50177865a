# e2e/decode.mk: filled in by its part of the suite.
