"""Alerting: turn newly extracted figures into emails for subscribers.

news.py decides what is news (new / changed / repeat) and queues alerts; mail.py
composes the emails; delivery.py sends them through SMTP or writes them to a folder;
cycle.py runs one crawl-extract-alert cycle; scheduler.py runs cycles on a schedule.
"""
