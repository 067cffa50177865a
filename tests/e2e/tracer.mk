# e2e/tracer.mk: filled in by its part of the suite.
