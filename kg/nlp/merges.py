"""Within-document merges of agencies and policies named in two ways: one office per field and region
(the office whose fields hold another's), and names equal once function words and "RI" are dropped."""
from __future__ import annotations

from collections import defaultdict

from .lexicon import norm
from .regional import REGION_SUFFIX
from .units import LOCAL_KINDS

__all__ = ["merged_offices", "same_names", "bare_local_places", "office_with_its_region"]


def merged_offices(keys: set[str], kinds: dict, labels: dict[str, str], remap: dict[str, str], lx) -> dict[str, str]:
    """A region has one office per field: "Dinas Kominfo X" and "Dinas Komunikasi, Informatika, Persandian dan
    Statistik X" named in one article are one office, the one whose fields hold the other's."""
    fields: dict[str, tuple[str, str, frozenset[str]]] = {}
    for key in keys:
        m = REGION_SUFFIX.search(key)
        if kinds.get(key) != "regional" or key in remap or not m or m.group(1) not in lx.regions:
            continue
        words = norm(labels[key]).split()
        if words[0] not in ("dinas", "badan"):
            continue  # not "Sekretariat Daerah" into "Sekretariat DPRD": only offices named by their fields
        region = set(norm(lx.regions[m.group(1)]["pattern"]).split())
        fields[key] = (m.group(1), words[0], frozenset(w for w in words[1:] if w not in region and w != "dan"))
    out = {}
    for key, (rid, head, ws) in fields.items():
        wider = [k for k, (r, h, w) in fields.items() if k != key and r == rid and h == head and ws and ws < w]
        if len(wider) == 1:
            out[key] = wider[0]
    return out


def same_names(keys: set[str], labels: dict[str, str], remap: dict[str, str], lx) -> dict[str, str]:
    """Names equal once function words and "RI"/"Republik Indonesia" are dropped are one entity
    ("Wilayah Bebas dari Korupsi" from the rules and from a definition); the rules' key wins."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        if key in remap:
            continue
        words = [w for w in norm(labels[key]).split() if w not in lx.function_words and w != "ri"]
        text = " ".join(words).replace("republik indonesia", "").strip()
        groups[text].append(key)
    out = {}
    for text, ks in groups.items():
        if len(ks) > 1 and text:
            known = [k for k in ks if k.split(":", 1)[1] in lx.policies or k.split(":", 1)[1] in lx.agencies]
            target = (known or ks)[0]
            out.update({k: target for k in ks if k != target})
    return out


def bare_local_places(keys: set[str], kinds: dict, labels: dict[str, str], remap: dict[str, str]) -> dict[str, str]:
    """A place named bare ("Sungai Raya") in an article that names one district or village of that
    name with its level word ("Kecamatan Sungai Raya") is that district or village.

    >>> bare_local_places({"place:sungai-raya", "place:kecamatan-sungai-raya"},
    ...                   {"place:kecamatan-sungai-raya": "kecamatan"},
    ...                   {"place:sungai-raya": "Sungai Raya", "place:kecamatan-sungai-raya": "Kecamatan Sungai Raya"}, {})
    {'place:sungai-raya': 'place:kecamatan-sungai-raya'}
    """
    local: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        if kinds.get(key) in LOCAL_KINDS and " " in labels[key]:
            local[labels[key].split(" ", 1)[1]].append(key)
    return {key: local[labels[key]][0] for key in sorted(keys)
            if key not in remap and kinds.get(key) not in LOCAL_KINDS and len(local.get(labels[key], ())) == 1}


def office_with_its_region(keys: set[str], kinds: dict, labels: dict[str, str], remap: dict[str, str],
                           lx) -> dict[str, str]:
    """An office named by its own name with and without its region ("RSUD Benyamin Guluh" and "RSUD
    Benyamin Guluh Kolaka") in one article is one office, the one named with the region; so is its type
    named bare ("RSUD") where the article names one office of that type."""
    regions = lx.derived("region_names", lambda lx: frozenset(
        norm(f) for r in lx.records["regions"] for f in lx.region_forms(r)))
    offices = {norm(labels[k]): k for k in sorted(keys) if kinds.get(k) == "office" and k not in remap}
    out = {}
    for name, key in offices.items():
        longer = [k for n, k in offices.items() if n.startswith(name + " ") and n[len(name) + 1:] in regions]
        if len(longer) == 1:
            out[key] = longer[0]
    for key in sorted(keys):  # "RSUD" named bare where one RSUD is named: that one
        own = [k for k in offices.values() if k.startswith(key + "-") and k not in out]
        if key not in remap and key.split(":", 1)[1] in lx.agency_types and len(own) == 1:
            out[key] = own[0]
    return out
