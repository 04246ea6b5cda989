"""Charts of the course data: one theme, one stable-id renderer, one function per chart.

``from coursekit import charts`` registers the course theme and renderer (see ``core``) and gives
every chart function, e.g. ``charts.importance_by_horizon(data.load(...))``. Each function lives
in the module of its part (``motivation``, ``contact``, ``roi``, ``identity``) and returns an
Altair chart with a title, a source line with the table's verification status, and a text
description for screen readers. A chart function declares the table it draws (``@draws``) and reads
the table's name from the frame ``data.load`` returns, so it cites the table it was given.
"""

from coursekit.charts.core import (  # noqa: F401
    HTML_MARKER,
    PALETTE,
    STATUS_WORDS,
    describe_shares,
    expr_text,
    label,
    labelled,
    number,
    percent,
    draws,
    fit,
    label_expr,
    quoted,
    render,
    source_line,
    status_word,
    table_of,
    theme,
    tr,
)
from coursekit.charts.capstone import *  # noqa: F403
from coursekit.charts.closing import *  # noqa: F403
from coursekit.charts.contact import *  # noqa: F403
from coursekit.charts.identity import *  # noqa: F403
from coursekit.charts.motivation import *  # noqa: F403
from coursekit.charts.roi import *  # noqa: F403

from coursekit.charts import capstone, closing, contact, identity, motivation, roi  # noqa: E402

MODULES = (motivation, contact, roi, identity, closing, capstone)  # every module of chart functions, by part
