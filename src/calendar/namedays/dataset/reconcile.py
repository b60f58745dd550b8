"""Reconcile the project's name-day calendar against two independent published lists.

Inputs (paths as arguments): ours.json (key -> names, dumped from NameDayCalendar), A = gstamatelat's
celebrations.json, B = stavros-melidoniotis' fixed_namedays.json and moving_namedays.json.
Output: JSON {key: [names to add]} on stdout and figures on stderr. A pair (name, date) is added when
both A and B list it and ours does not; the spelling is B's (accented), A's being capitals.
"""
import json, re, sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("ς", "σ").strip()

def pad(n): return f"{n:02d}"

ours_path, a_path, bf_path, bm_path = sys.argv[1:5]
ours = json.load(open(ours_path))
ours_f = {k: {fold(n) for n in v} for k, v in ours.items()}
ours_any = {}
for k, names in ours_f.items():
    for n in names: ours_any.setdefault(n, set()).add(k)

def key_a(d):
    f = d.get("fixed"); e = d.get("easter")
    if f and e is not None: return f"later:{pad(f['month'])}-{pad(f['day'])}/easter+{e}"
    if f and f.get("sunday"): return f"sunday:{pad(f['month'])}-{pad(f['day'])}"
    if f: return f"fixed:{pad(f['month'])}-{pad(f['day'])}"
    return f"easter:{'+' if e >= 0 else ''}{e}"

A = {}
for e in json.load(open(a_path)):
    for n in e["celebrations"].get("names", []):
        A.setdefault(key_a(e["date"]), set()).add(fold(n))

B = {}; B_spelling = {}
def add_b(key, names):
    for n in names:
        f = fold(n); B.setdefault(key, set()).add(f)
        # keep an accented spelling
        B_spelling.setdefault((key, f), n.strip())
for dm, v in json.load(open(bf_path)).items():
    d, m = map(int, dm.split("/"))
    add_b(f"fixed:{pad(m)}-{pad(d)}", v["names"])
for e in json.load(open(bm_path))["namedays"]:
    c = e["celebration"]
    if "23 Απριλίου" in c: key = "later:04-23/easter+1"
    elif "25 Απριλίου" in c: key = "later:04-25/easter+2"
    elif "13 Φεβρουαρίου" in c: key = "sunday:02-13"
    elif "11 Δεκεμβρίου" in c: key = "sunday:12-11"
    elif "την ημέρα του Πάσχα" in c: key = "easter:+0"
    else:
        m = re.search(r"(\d+) ημέρ\w+ (πριν|μετά)", c)
        if not m: print("?", c, file=sys.stderr); continue
        n = int(m.group(1)) * (-1 if m.group(2) == "πριν" else 1)
        key = f"easter:{'+' if n >= 0 else ''}{n}"
    add_b(key, e["names"])

def pairs(idx): return {(k, n) for k, ns in idx.items() for n in ns}
PA, PB, PO = pairs(A), pairs(B), pairs(ours_f)
agreed = PA & PB
missing = sorted(agreed - PO)
fig = {
  "ours_pairs": len(PO), "A_pairs": len(PA), "B_pairs": len(PB), "A_and_B_agree": len(agreed),
  "ours_confirmed_by_both": len(PO & agreed), "ours_confirmed_by_one": len(PO & (PA ^ PB)),
  "ours_only": len(PO - PA - PB),
  "missing_from_ours": len(missing),
  "missing_names_new_to_ours": len({n for k, n in missing if n not in ours_any}),
  "missing_names_known_on_other_dates": len({n for k, n in missing if n in ours_any}),
  "dates_touched": len({k for k, n in missing}),
}
print(json.dumps(fig, ensure_ascii=False, indent=1), file=sys.stderr)
out = {}
for k, n in missing: out.setdefault(k, []).append(B_spelling[(k, n)])
print(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))
