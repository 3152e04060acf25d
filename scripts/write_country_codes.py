"""Write seeds/reference/country_codes.csv: every ISO 3166-1 country by its alpha-2 code,
alpha-3 code, name, common name and official name (Debian's iso-codes package,
/usr/share/iso-codes/json/iso_3166-1.json), plus the names CRM exports use that ISO does
not (UK, USA, Holland, ...). Staging maps contacts' and accounts' country values through it
to ISO-2 codes. Run again only to refresh the list; review the diff like a grid change."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")
SEED = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "country_codes.csv"

# names seen in CRM exports beyond ISO's own, by code
ALIASES = {
    "AE": ["UAE", "U.A.E."],
    "BA": ["Bosnia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Ivory Coast"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "DE": ["Deutschland"],
    "ES": ["España"],
    "GB": [
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ],
    "KP": ["North Korea"],
    "KR": ["Korea", "Republic of Korea"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "PS": ["Palestine"],
    "RU": ["Russia"],
    "SZ": ["Swaziland"],
    "TR": ["Turkey", "Türkiye"],
    "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America"],
    "VA": ["Vatican", "Vatican City"],
    "VN": ["Vietnam"],
}


def without_accents(text: str) -> str:
    return "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )


def main() -> None:
    rows: dict[str, str] = {}  # the name as a key (lowercase), its code

    def add(name: str, code: str) -> None:
        for variant in {name, without_accents(name)}:
            key = variant.strip().lower()
            if rows.setdefault(key, code) != code:
                raise SystemExit(f"{variant!r} names both {rows[key]} and {code}")

    for country in json.loads(ISO_CODES.read_text())["3166-1"]:
        code = country["alpha_2"]
        for field in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            if field in country:
                add(country[field], code)
    for code, names in ALIASES.items():
        for name in names:
            add(name, code)
    SEED.parent.mkdir(parents=True, exist_ok=True)
    with SEED.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country_name", "country_code"])
        for name, code in sorted(rows.items(), key=lambda row: (row[1], row[0])):
            writer.writerow([name, code])
    print(f"wrote {SEED} ({len(rows)} names of {len(set(rows.values()))} countries)")


if __name__ == "__main__":
    main()
