"""PoliceWatch: collects UK police out-of-court disposal figures and alerts subscribers."""
__version__ = "0.1.0"
