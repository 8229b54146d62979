"""Benchmarks of the dashboard (development only: not part of the installed ``dashboard`` package).

``python -m bench`` measures pages (cold start, fresh tab, reruns, payload, memory, load).
Run from the repository root after the test install command.
"""
