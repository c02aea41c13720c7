"""Alerting: turn newly extracted figures into emails for subscribers.

news.py decides what is news (new / changed / repeat) and queues alerts; mail.py
composes the emails; delivery.py sends them through SMTP or writes them to a folder;
source_health.py tells admins when a source breaks. The crawl-extract-alert cycle and
the daemon that schedules it are wiring, in policewatch/cycle.py and policewatch/daemon.py.
"""
