"""brugdesk's benchmark harness (issue 6): ``python -m benchmarks --scale S [--json FILE]``."""
