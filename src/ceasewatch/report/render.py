"""Render a `DailyReport` as HTML, Markdown or PDF.

HTML is one self-contained file (inline CSS, inline SVG charts). PDF is that
HTML printed by headless Chromium (Debian's /usr/bin/chromium). Markdown is
plain text tables; when given a folder it writes the charts there as PNG
files and links them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import jinja2

from ..assess import RULESET_NAME
from ..errors import NotAvailable
from ..link import LINKER_NAME
from .charts import launches_chart, load_region_shapes, region_map, to_png, to_svg, violations_chart
from .daily import DailyReport

__all__ = ["FORMATS", "render_html", "render_markdown", "render_pdf", "find_chromium", "md"]

FORMATS: tuple[str, ...] = ("html", "pdf", "md")
SIDE_NAMES = {"UA": "Ukrainian side", "RU": "Russian side", "OTHER": "Third parties"}
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=jinja2.select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _region_label(codes: tuple[str, ...]) -> str:
    try:
        from ..geocode import region_name
    except ImportError:  # the geocoder is optional for a report
        return ", ".join(codes)
    return ", ".join(region_name(c) for c in codes) or "region not stated"


def render_html(report: DailyReport) -> str:
    shapes = load_region_shapes()
    charts = {
        "violations": to_svg(violations_chart(report)),
        "launches": to_svg(launches_chart(report)),
        "map": to_svg(region_map(report, shapes)) if shapes else "",
    }
    template = _env.get_template("daily.html")
    return template.render(
        r=report, charts=charts, side_names=SIDE_NAMES, regions=_region_label,
        linker=LINKER_NAME, ruleset=RULESET_NAME,
        agreements=list({s.agreement.id: s.agreement for s in report.states}.values()),
    )


# Characters that start Markdown markup inside a line: code, emphasis,
# links and images, table cells, strikethrough, and the escape itself.
_MD_MARKUP = re.compile(r"([\\`*_\[\]|~])")


def md(value: object) -> str:
    """Text from a source (a quote, a claimant, a publisher, a reason) as
    Markdown that renders as that text: one line, HTML special characters
    as entities (raw HTML is passed through by most renderers), Markdown
    markup characters backslash-escaped."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_MARKUP.sub(r"\\\1", text)


def _md_url(url: str | None) -> str:
    """Only http(s) addresses, as escaped text (never a link target a
    renderer would follow for a `javascript:` URL)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return " " + md(url.strip())
    return ""


def render_markdown(report: DailyReport, assets_dir: Path | None = None) -> str:
    """Plain Markdown; everything that comes from a source goes through
    `md()`, so hostile text renders as text even where HTML is allowed."""
    day = report.day.isoformat()
    lines = [f"# Daily monitoring report — {day}", "",
             f"Reporting period {report.period_from.isoformat()} to {day}; generated "
             f"{report.generated.isoformat()} by {LINKER_NAME} and {RULESET_NAME}.", "",
             f"- claims about this day: {report.claims_today}",
             f"- incidents: {report.incidents_today}",
             f"- incidents with a violation verdict: {len(report.violations)}", ""]
    lines += [*(f"> Note: {md(n)}" for n in report.notes), "", "## Agreements", "",
              "| agreement | status | window | state |", "|---|---|---|---|"]
    lines += [f"| {md(s.label)} | {md(s.agreement.status)} | {md(s.window)} | {md(s.state)} |" for s in report.states]
    lines += ["", "## Violations charged per party", "",
              "| agreement | party | day | previous day | period | from |", "|---|---|--:|--:|--:|---|"]
    lines += [f"| {md(c.label)} | {md(c.party)} | {c.today} | {c.previous} | {c.period} | {c.period_from} |"
              for c in report.counts]
    if assets_dir is not None:
        assets_dir.mkdir(parents=True, exist_ok=True)
        figures = {"violations": violations_chart(report), "launches": launches_chart(report)}
        shapes = load_region_shapes()
        if shapes:
            figures["map"] = region_map(report, shapes)
        lines.append("")
        for name, fig in figures.items():
            path = assets_dir / f"report-{day}-{name}.png"
            path.write_bytes(to_png(fig))
            lines.append(f"![{name}]({path.name})")
    lines += ["", "## Incidents with a violation verdict", ""]
    for i, v in enumerate(report.violations, 1):
        lines.append(f"### Incident {i}: strikes on {md(v.incident.target_country)} attributed to "
                     f"{md(v.incident.attacker)} — {md(_region_label(v.incident.regions))}")
        lines += [f"- **{md(a.verdict)}** under {md(label)}: {md(a.reason)} ({md(a.rule)})" for label, a in v.findings]
        for side, cards in v.sides.items():
            for card in cards:
                ref = card.document.ref if card.document else card.claim.doc_id
                lines.append(f"- {md(SIDE_NAMES.get(side, side))} — {md(card.claim.claimant.name)} ({md(ref)}): "
                             f"{md(card.summary)}")
                lines += [f"  > {md(q.before)}**{md(q.marked)}**{md(q.after)}" for q in card.quotes]
        lines.append("")
    if not report.violations:
        lines.append("No incident on this day drew a violation verdict under an agreement in force.")
    lines += ["", "## Sources", ""]
    lines += [f"{n}. {md(d.publisher or 'unknown publisher')}, {d.published.isoformat() if d.published else ''} "
              f"({md(d.ref)}){_md_url(d.url)}" for n, d in enumerate(report.sources, 1)]
    return "\n".join(lines) + "\n"


def find_chromium() -> str | None:
    for name in (os.environ.get("CEASEWATCH_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def render_pdf(html: str, *, timeout: float = 120.0) -> bytes:
    """Print HTML to PDF with headless Chromium in a throwaway profile, with
    networking features off: the report is self-contained."""
    binary = find_chromium()
    if binary is None:
        raise NotAvailable("PDF output needs Chromium, which is not installed",
                           hint="apt-get install chromium, or use --format html")
    with tempfile.TemporaryDirectory(prefix="ceasewatch-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        out = Path(tmp) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        cmd = [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={out}", page.as_uri(),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise NotAvailable("Chromium did not finish printing the report", source=binary,
                             hint=f"it took over {timeout:.0f} s; try --format html") from exc
        if not out.exists() or out.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise NotAvailable("Chromium produced no PDF", source=binary, location=f"exit {proc.returncode}",
                             hint=" | ".join(tail) or "run the command by hand to see why")
        return out.read_bytes()
