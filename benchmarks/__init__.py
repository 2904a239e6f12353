"""brugdesk's benchmark harness: ``python -m benchmarks --scale S [--json FILE]``."""
