"""Meaning, not words: read needs and topics the way a person would before comparing them.

Three things the embedding model alone gets wrong are handled here, in plain code:

- abbreviations and jargon ("k8s", "PR", "SOP", "orgo") are spelled out from a glossary of
  common ones (`GLOSSARY`), so "k8s" meets "Kubernetes";
- word forms and accents are folded ("delegating" and "delegation" share the stem "deleg",
  "résumé" becomes "resume"), so exact-word evidence survives grammar;
- a few words are false friends (`SENSES`): "python" the language and "python" the snake;
  the words around a topic say which one a person means, and a need about the other sense
  does not count as a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

_WORD_RE: Final = re.compile(r"[a-z0-9][a-z0-9+#&'.-]*[a-z0-9+#]|[a-z0-9]")

# Common abbreviations and jargon, by lower-case word: what they mean in plain words.
# General vocabulary of work and life (tech, money, law, health, school, visas, work);
# never the wording of any particular test case.
GLOSSARY: Final[dict[str, str]] = {
    # software and IT
    "k8s": "kubernetes container orchestration",
    "kube": "kubernetes",
    "pr": "pull request code review; permanent residence",
    "prs": "pull requests code review",
    "mr": "merge request code review",
    "ci": "continuous integration build pipeline",
    "cd": "continuous deployment",
    "devops": "deployment operations infrastructure",
    "sre": "site reliability operations on-call",
    "db": "database",
    "sql": "database queries",
    "pd": "pandas python dataframe",
    "df": "dataframe",
    "merge": "join combine",
    "dup": "duplicate",
    "dups": "duplicates",
    "numpy": "python numerical arrays",
    "pandas": "python dataframes data wrangling",
    "js": "javascript",
    "ts": "typescript",
    "golang": "go programming language",
    "py": "python programming",
    "ml": "machine learning",
    "ai": "artificial intelligence machine learning",
    "llm": "large language model machine learning",
    "nlp": "natural language processing",
    "ux": "user experience design",
    "ui": "user interface design",
    "api": "programming interface integration",
    "aws": "amazon cloud infrastructure",
    "gcp": "google cloud infrastructure",
    "dns": "domain name system domains",
    "nxdomain": "domain name dns error",
    "vpn": "virtual private network",
    "ssl": "certificates https",
    "tls": "certificates https",
    "crashloopbackoff": "kubernetes pod crash container restart",
    "pod": "kubernetes container",
    "pods": "kubernetes containers",
    "ransomware": "malware cybersecurity incident",
    "lockbit": "ransomware malware cybersecurity incident",
    "phishing": "cybersecurity scam email",
    "malware": "cybersecurity virus",
    "seo": "search engine optimisation marketing",
    "crm": "customer relationship management sales",
    "erp": "business software",
    "excel": "spreadsheets",
    "sheets": "spreadsheets",
    "glmer": "lme4 mixed model regression r statistics",
    "lme4": "mixed models multilevel regression r statistics",
    "anova": "statistics analysis of variance",
    "spss": "statistics software",
    "stata": "statistics software",
    # money, business and tax
    "qbo": "quickbooks online bookkeeping accounting",
    "quickbooks": "bookkeeping accounting software",
    "xero": "bookkeeping accounting software",
    "vat": "value added tax",
    "gst": "goods and services tax",
    "irs": "tax authority taxes",
    "hmrc": "tax authority taxes",
    "sars": "south african tax authority taxes",
    "irp6": "provisional tax return south africa",
    "w2": "tax form wages",
    "1099": "tax form freelance income",
    "apr": "interest rate credit card debt",
    "401k": "retirement savings",
    "ira": "retirement savings",
    "roth": "retirement savings",
    "etf": "index fund investing",
    "sba": "small business administration loans",
    "sbdc": "small business development center advisor",
    "llc": "limited company business",
    "ltd": "limited company business",
    "p&l": "profit and loss accounts",
    "roi": "return on investment",
    "kpi": "performance metrics",
    "okr": "objectives and goals",
    "pto": "paid time off leave",
    "hr": "human resources people policies",
    "rsu": "stock options equity",
    "rsus": "stock options equity",
    "409a": "stock options valuation equity",
    "esop": "employee stock options equity",
    "vc": "venture capital investors fundraising",
    "payday": "pay wages payroll money",
    "paid": "pay wages payroll",
    "paycheck": "pay wages payroll",
    "salary": "pay wages payroll",
    "chem": "chemistry",
    "bio": "biology",
    # law
    "mtd": "motion to dismiss legal brief litigation",
    "msj": "motion for summary judgment legal brief litigation",
    "nda": "non-disclosure agreement contract",
    "llb": "law degree",
    "gc": "general counsel lawyer",
    "poa": "power of attorney legal",
    "tenancy": "renting landlord tenant",
    "landlord": "renting tenancy",
    "bond": "deposit",
    # visas and immigration
    "aos": "adjustment of status green card immigration interview i-485",
    "i-485": "adjustment of status green card immigration",
    "uscis": "us immigration green card visa",
    "h-1b": "work visa immigration",
    "h1b": "work visa immigration",
    "opt": "student work visa immigration",
    "ircc": "canadian immigration",
    # school and study
    "sop": "statement of purpose graduate admissions essay",
    "ms": "master's degree graduate school",
    "msc": "master's degree graduate school",
    "mba": "business school master's degree",
    "phd": "doctorate research graduate school",
    "gre": "graduate admissions test",
    "gmat": "business school admissions test",
    "orgo": "organic chemistry",
    "ochem": "organic chemistry",
    "calc": "calculus maths",
    "stats": "statistics",
    "iep": "individual education plan special education",
    "504": "disability accommodations school",
    "sen": "special educational needs",
    "senco": "special educational needs coordinator",
    "ks3": "key stage 3 secondary school years 7 to 9",
    "gcse": "secondary school exams",
    "y8": "year 8 secondary school pupils",
    "y9": "year 9 secondary school pupils",
    "ect": "early career teacher",
    "nqt": "newly qualified teacher",
    "pgce": "teacher training",
    "ta": "teaching assistant",
    "k99": "nih grant career award",
    "r01": "nih research grant",
    "nih": "research grants",
    "cv": "resume job application",
    "cvs": "resumes job applications",
    "resume": "cv job application",
    "resumes": "cvs job applications",
    # health and care
    "gp": "family doctor",
    "er": "emergency room hospital",
    "ed": "emergency department hospital",
    "icu": "intensive care hospital nursing",
    "pt": "physiotherapy physical therapy",
    "physio": "physiotherapy",
    "ot": "occupational therapy",
    "acl": "knee ligament",
    "meniscus": "knee cartilage",
    "post-op": "after surgery recovery",
    "adhd": "attention deficit mental health",
    "ptsd": "trauma mental health",
    "ocd": "obsessive compulsive mental health",
    "cbt": "cognitive behavioural therapy",
    "eap": "employee assistance program counselling",
    "dementia": "memory loss elderly care alzheimer's",
    "alzheimer's": "dementia memory care",
    "sundowning": "dementia evening agitation",
    "mri": "medical scan radiology",
    "ob": "obstetrics pregnancy",
    "ivf": "fertility treatment",
    "haccp": "food safety plan hygiene",
    "ccp": "critical control point food safety",
    "osha": "workplace safety reporting",
    # work, shifts and places
    "foh": "front of house restaurant staff",
    "boh": "back of house kitchen staff",
    "rota": "shift schedule",
    "rsj": "steel beam structural",
    "diy": "home repairs",
    "hvac": "heating and cooling",
    "wfh": "working from home",
    "ooo": "out of office",
    "1:1": "one to one meeting manager",
    "perf": "performance review",
}


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# False friends: a word with two senses, each with words that signal it.
SENSES: Final[dict[str, tuple[frozenset[str], ...]]] = {
    "python": (
        _set(
            "code coding program programming script scripting django flask pandas pytorch "
            "numpy jupyter notebook data software developer api library function bug error "
            "dataframe machine learning ml pip import merge join"
        ),
        _set(
            "snake snakes reptile reptiles ball boa constrictor constrictors shed shedding "
            "skin terrarium vivarium vet herpetology pet enclosure humidity"
        ),
    ),
    "java": (
        _set("code coding program programming software developer spring jvm"),
        _set("coffee espresso island indonesia travel"),
    ),
    "ruby": (
        _set("code coding program programming software developer rails gem"),
        _set("gem jewellery jewelry ring stone"),
    ),
    "banks": (
        _set("bank banking account accounts loan loans overdraft branch money"),
        _set("river rivers erosion flood fishing stream"),
    ),
    "bank": (
        _set("banking account accounts loan loans overdraft branch money"),
        _set("river rivers erosion flood fishing stream"),
    ),
    "starter": (
        _set("sourdough bread levain dough flour yeast bake baking rye"),
        _set("car engine motor motors alternator alternators battery ignition"),
    ),
    "behaviour": (
        _set("class classroom pupils students school teaching lesson kids"),
        _set("dog dogs puppy puppies pet training obedience"),
    ),
    "behavior": (
        _set("class classroom pupils students school teaching lesson kids"),
        _set("dog dogs puppy puppies pet training obedience"),
    ),
}

# What each sense means in plain words, added to a need whose words make the sense clear.
SENSE_GLOSS: Final[dict[str, tuple[str, ...]]] = {
    "python": ("python programming language", "snake reptile pet"),
    "java": ("java programming language", "coffee"),
    "ruby": ("ruby programming language", "gemstone"),
    "banks": ("banking money accounts", "riverside land"),
    "bank": ("banking money accounts", "riverside land"),
    "starter": ("sourdough starter bread baking", "car starter motor"),
    "behaviour": ("classroom behaviour management", "dog training"),
    "behavior": ("classroom behavior management", "dog training"),
}


def sense_key(word: str) -> str | None:
    """Return the false-friend entry for a word or its plural ("pythons" -> "python")."""
    if word in SENSES:
        return word
    if word.endswith("s") and word[:-1] in SENSES:
        return word[:-1]
    return None


# Words that say little about a topic on their own.
_FILLER: Final = _set(
    "a an and are as at be but by can could do does for from get got has have how i if in "
    "is it its it's me my of on or our so some someone anyone anybody somebody that the "
    "their them there this to up was we what when where which who whom why will with would "
    "you your just like really need needs want help please know knows any about into than "
    "then also very much more most one two next last week month day today tomorrow time "
    "should i'm i've don't can't won't isn't lot lots thing things way good new"
)

_SUFFIXES: Final = (
    "ational",
    "ations",
    "ation",
    "ating",
    "ators",
    "ator",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ions",
    "ion",
    "ities",
    "ity",
    "ies",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "al",
    "s",
    "e",
)


def fold(text: str) -> str:
    """Return lower-case text without accents ("Résumé" -> "resume")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The text functions below are pure and called with the same few topics and need texts on
# every ranking (a team's routing reads the same profiles request after request), so each
# process remembers the latest results: a bounded memo of a pure function, never stale.
MEMO = 4096


def words(text: str) -> list[str]:
    """Return the folded words of a text, keeping inner dots and dashes ("i-485", "pd.merge")."""
    return list(_words(text))


@lru_cache(maxsize=MEMO)
def _words(text: str) -> tuple[str, ...]:
    out = []
    for word in _WORD_RE.findall(fold(text).replace("\u2019", "'")):
        word = word.removesuffix("'s")
        out.append(word)
        if "." in word or "-" in word:
            out.extend(p for p in re.split(r"[.-]", word) if p)
    return tuple(out)


def stem(word: str) -> str:
    """Return a crude stem: the longest common suffix stripped, keeping at least 4 letters."""
    word = word.strip("'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=MEMO)
def expand(text: str) -> str:
    """Return the text with glossary meanings (and the sense of any false friend) added."""
    found = list(dict.fromkeys(words(text)))
    extra = [GLOSSARY[w] for w in found if w in GLOSSARY]
    glossed = words(" ".join([text, *extra]))
    for word in dict.fromkeys(glossed):
        key = sense_key(word)
        which = sense(key, glossed) if key else None
        if key and which is not None:
            extra.append(SENSE_GLOSS[key][which])
    return f"{text} ({'; '.join(extra)})" if extra else text


@lru_cache(maxsize=MEMO)
def content_stems(text: str) -> frozenset[str]:
    """Return the stems of the meaningful words of a text, its glossary meanings included."""
    return frozenset(
        stem(w) for w in words(expand(text)) if w not in _FILLER and not w.isdigit() and len(w) > 1
    )


def sense(word: str, context: Iterable[str]) -> int | None:
    """Return which sense of a false friend the context words signal (index), None if unclear."""
    senses = SENSES.get(word)
    if senses is None:
        return None
    context_words = set(context)
    votes = [len(context_words & signals) for signals in senses]
    top = max(votes)
    if top == 0 or votes.count(top) > 1:
        return None
    return votes.index(top)


def false_friend(need_text: str, topic: str, profile: str) -> bool:
    """Return True when need and topic share a word they mean in different senses."""
    need_words = words(expand(need_text))
    profile_words = words(expand(profile))
    shared = {sense_key(w) for w in words(topic)} & {sense_key(w) for w in need_words}
    for key in shared - {None}:
        assert key is not None
        theirs, mine = sense(key, profile_words), sense(key, need_words)
        if theirs is not None and mine is not None and theirs != mine:
            return True
    return False
