"""The documentation holds together: every relative link of README.md, CHANGELOG.md and
docs/*.md reaches a file that exists (and, with a `#fragment`, a heading of that page, as
GitHub names its anchors), and the README starts with the two commands a new user runs.
Fast: reads Markdown, no dbt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    [PROJECT_ROOT / "README.md", PROJECT_ROOT / "CHANGELOG.md", *PROJECT_ROOT.glob("docs/*.md")]
)
# [text](target) outside code; images too; the target ends at a space (a title) or ")"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """The page's lines outside fenced code blocks, numbered from 1."""
    lines, fenced = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            lines.append((number, line))
    return lines


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the page's headings: lowercase, punctuation dropped, spaces
    as hyphens, a repeated heading numbered -1, -2, ..."""
    seen: dict[str, int] = {}
    for _, line in prose_lines(path):
        match = HEADING.match(line)
        if not match:
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2)).lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if count:
            seen[f"{slug}-{count}"] = 1
    return set(seen)


def relative_links(path: Path) -> list[tuple[int, str]]:
    return [
        (number, target)
        for number, line in prose_lines(path)
        for target in LINK.findall(re.sub(r"`[^`]*`", "", line))  # not inside inline code
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target)  # http:, https:, mailto:
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(PROJECT_ROOT)))
def test_every_relative_link_reaches_a_file_and_a_heading(page: Path) -> None:
    broken = []
    for number, target in relative_links(page):
        file_part, _, fragment = target.partition("#")
        linked = (page.parent / file_part).resolve() if file_part else page
        if not linked.exists():
            broken.append(f"{page.name}:{number}: {target} (no such file)")
        elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
            broken.append(f"{page.name}:{number}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_the_readme_starts_with_make_demo_and_make_test() -> None:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1].splitlines()
    commands = [line.split("#")[0].strip() for line in first_block[1:] if line.strip()]
    assert commands == ["make demo", "make test"]


def test_the_anchors_follow_githubs_rules(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# The `lead-scoring` command\n## 1. Input contract (sources)\n"
        "```\n# not a heading\n```\n## Notes\n## Notes\n"
    )
    assert anchors(page) == {
        "the-lead-scoring-command",
        "1-input-contract-sources",
        "notes",
        "notes-1",
    }
