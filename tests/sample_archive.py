"""A small real archive for the search, figures and serve tests, built with the archive API."""
from __future__ import annotations

from pathlib import Path

import archive
from archive.documents import save_document
from archive.figures import replace_figures

KENT_NEWS = "https://news.example/kent-community-resolutions-rape"
KENT_FOI = "https://foi.example/request/use_of_community_resolutions_for_rape"
STATS = "https://stats.example/crime-outcomes-2022-to-2023"
LINCS = "https://news.example/lincolnshire-child-rape"

DOCUMENTS = [
    dict(url=KENT_NEWS, source="kent-news", kind="news", published="2024-03-02",
         title="Kent Police gave community resolutions to 45 rape suspects",
         text="Kent Police issued 45 community resolutions for rape offences in 2023, "
              "figures obtained under freedom of information show. Campaigners said "
              "out-of-court disposals were never meant for serious sexual offences."),
    dict(url=KENT_FOI, source="wdtk", kind="foi", published="2024-01-15",
         title="Use of community resolutions for rape offences",
         text="Response from Kent Police. In 2023 the force recorded 45 community "
              "resolutions for rape. Essex Police recorded 12 cautions for sexual assault "
              "in 2023. Stop and search figures are NOT held."),
    dict(url=STATS, source="govuk", kind="stats", published="2023-07-20T09:30:00+01:00",
         title="Crime outcomes in England and Wales, 2022 to 2023",
         text="The Metropolitan Police Service used 1,200 out-of-court disposals in the year "
              "to March 2023. Nationally, 30,000 cautions were given."),
    dict(url=LINCS, source="lincs-news", kind="news", published="2025-06-01",
         title="Child rape cases closed with community resolutions",
         text="Lincolnshire Police handed out community resolutions in four child rape "
              "cases last year, the force’s own figures show."),
]

KENT = {"force": "Kent", "offence": "rape", "disposal": "community resolution", "count": 45,
        "period": "2023", "quote": "Kent Police issued 45 community resolutions for rape offences in 2023",
        "figure_key": "kent|rape|community resolution|45|2023"}
FIGURES = {
    KENT_NEWS: [KENT],
    KENT_FOI: [KENT, {"force": "Essex", "offence": "sexual assault", "disposal": "caution",
                      "count": 12, "period": "2023",
                      "quote": "Essex Police recorded 12 cautions for sexual assault in 2023.",
                      "figure_key": "essex|sexual assault|caution|12|2023"}],
    STATS: [{"force": "Metropolitan Police", "offence": None, "disposal": "out-of-court disposal",
             "count": 1200, "period": "year to March 2023", "figure_key": "met|ocd|1200",
             "quote": "=HYPERLINK(\"http://evil.example\") The Metropolitan Police Service used "
                      "1,200 out-of-court disposals"},
            {"force": None, "offence": None, "disposal": "caution", "count": 30000,
             "period": "year to March 2023", "figure_key": "national|caution|30000",
             "quote": "Nationally, 30,000 cautions were given."}],
    LINCS: [{"force": "Lincolnshire", "offence": "child rape", "disposal": "community resolution",
             "count": 4, "period": "last year", "figure_key": "lincs|child rape|cr|4",
             "quote": "Lincolnshire Police handed out community resolutions in four child rape "
                      "cases last year, the force’s own figures show."}],
}


def build(path: Path) -> Path:
    """Write the sample archive to path (a real SQLite file) and return path."""
    db = archive.open_archive(path)
    for doc in DOCUMENTS:
        saved = save_document(db, **doc)
        digest = db["documents"].get(saved.document_id)["content_hash"]
        replace_figures(db, saved.document_id, digest, FIGURES[doc["url"]])
    db.close()
    return path


def write_config(directory: Path, archive_name: str = "archive.db") -> Path:
    """A minimal policewatch.toml pointing at directory/archive_name."""
    config = directory / "policewatch.toml"
    config.write_text(f'[archive]\npath = "{archive_name}"\n', encoding="utf-8")
    return config
