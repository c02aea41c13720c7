"""Regenerate every generated file of the demo site.

``python -m policewatch.demo_site.build``.  Attachments come first because the
pages quote their sizes.  Hand-written files (``index.html``, ``robots.txt``,
``fail/*``) are left alone.
"""

from . import build_alaveteli, build_disclosure, build_govuk, build_news, make_attachments


def main() -> None:
    make_attachments.main()
    build_news.main()
    build_alaveteli.main()
    build_govuk.main()
    build_disclosure.main()


if __name__ == "__main__":
    main()
