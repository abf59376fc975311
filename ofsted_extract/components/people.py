"""People: mentions of named people, with the role and organisation given with them.

There is no trained NER here, so a capitalised run of words is a person's name
only when the way the sentence is written says so: an honorific ("Cllr Tom
Reed", "The Rev Jo Lane"), a role beside it ("Alys Carnsew, director of
children's services at Kelmouth Council", "Cabinet member for children Tom
Reed", "the council's chief executive, Sam Hill"), a speech verb ("said Jo
Lane"), an officer list ("Chief Executive (Cedric Trelawny)") or a report's
table row ("Headteacher    Morfydd Trelawny"). A place or a body seldom stands
in those positions, and the words that name bodies and places ("Council",
"Academy", "Lane") never belong to a name. Everything is found on the
characters, because names are character-shaped: apostrophes and hyphens inside
them (O'Fallon, Boateng-Amoah), possessives after them, column spacing around
them.

Each mention becomes a span in ``doc.spans["people"]`` (label ``PERSON``) whose
``span._.ofsted_person`` holds a :class:`Mention` as a dict. Capitalised
organisation names ("Ashwold Borough Council", "NHS Brenmoor Integrated Care
Board (ICB)") go to ``doc.spans["people_orgs"]`` (``span._.ofsted_org``), so the
attribution step can resolve "the council's" and "the ICB" to the body the
article named; they are collected only when some mention needs one resolved
(most articles name every body in full), so the group may be empty. Linking
mentions into people is the attribution step's work. The dicts live as plain
rows in ``doc.user_data`` (:data:`PEOPLE_KEY`, :data:`ORGS_KEY`), which the
span extensions read; :func:`mention_dicts` and :func:`org_dicts` read them
without making a Span per mention.

Speed: the component runs on every document, so the scans are single compiled
patterns over the text built to let the regex engine skip (prefix trees for
word lists, the first capital read before the word-boundary check), and the
Python work is done per candidate name, not per word. See models/README.md.
"""

from __future__ import annotations

import functools
import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from ..textutil import doc_text, trie_pattern
from .layout import furniture_pairs

UP = "A-ZÀ-ÖØ-ÞĀ-ɏ"  # Latin-1 and Latin Extended-A/B capitals (Ł, Š, Ș...)
LO = "a-zß-öø-ÿĀ-ɏ"  # Extended-A/B mixes cases: both sets take the whole block
#: One word of a name: Carnsew, O'Fallon, McAllister, Boateng-Amoah.
NAME_WORD = rf"(?:Mc|Mac|O['’]|D['’]|Fitz)?[{UP}][{LO}]+(?:-[{UP}][{LO}]+)*(?![{UP}{LO}\d])"
INITIAL = rf"[{UP}]\.(?![{UP}{LO}])"
#: Irish and Scottish Gaelic particles written with a capital: "Ó Briain", "Ní Dhomhnaill".
CAP_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Uí", "Ua", "Mhic"})
PARTICLE = (
    r"(?:van|von|de|der|den|du|da|di|la|le|bin|ibn|al|el|ap|dos|das|del|della"
    rf"|{'|'.join(sorted(CAP_PARTICLES, key=len, reverse=True))})"
)
#: A run of name-shaped words on one line (single spaces only: a name never wraps or spans columns).
NAME_RUN = rf"(?:{INITIAL} ?)*{NAME_WORD}(?: (?:{PARTICLE} |{INITIAL} )*{NAME_WORD})*"
#: A run of name words at the start of a word, written for speed: the first capital is read
#: first (the regex engine skips to capitals), the word boundary is checked behind it, then
#: the rest of the first word (an initial, or Mc/Mac/O'/D'/Fitz and lower-case letters).
_NAME_REST = (
    rf"(?:(?<=M)a?c[{UP}]|(?<=[OD])['’][{UP}]|(?<=F)itz[{UP}])?[{LO}]+(?:-[{UP}][{LO}]+)*"
    rf"(?![{UP}{LO}\d])"
)
NAME_RUN_AT_WORD = (
    rf"[{UP}](?<![\w'’-].)(?:\.(?![{UP}{LO}]) ?(?:{INITIAL} ?)*{NAME_WORD}|{_NAME_REST})"
    rf"(?: (?:{PARTICLE} |{INITIAL} )*{NAME_WORD})+"  # one word alone is never read as a name
)
#: One word of an organisation's name: Council, NHS, Children's, Providers', Pre-School, CofE.
ORG_WORD = rf"[{UP}][{UP}{LO}'’&.-]*(?<![.-])"
ORG_WORD_REST = rf"[{UP}{LO}'’&.-]*(?<![.-])"
ORG_CONNECT = r"(?:of|for|and|&|the|upon|de|du|la|le|in)"
ORG_SEQ = rf"{ORG_WORD}(?:[ ]+(?:{ORG_CONNECT}[ ]+)*{ORG_WORD})*"

_SPACE_COLUMN = re.compile(r"\t|[ ]{2,}")
_WORDISH = re.compile(r"[\w'’-]")
_BLANKS = re.compile(r"[\t\n]")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_ORG_TOKEN = re.compile(r"[\w'’&-]+")
_THE_I = re.compile(r"^the\s+", re.I)
_THE = re.compile(r"^the\s+")
_AGE = re.compile(r"^\d{1,3},\s*")
_FORMER = re.compile(r"^(?:(?:a|an|the|his|her|their)\s+)?(?:former|ex-|then|late)\b", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an|another|one|our)\s+", re.I)
_ITS = re.compile(r"^(?:its|their)\s+", re.I)
_THE_CAP = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_PAREN_AFTER = re.compile(r"^[ ]*\(([^()\n]{2,90})\)")
_COLUMN_AFTER = re.compile(r"^(?:\t+|[ ]{2,})(?P<col>[^\t\n]*?[^\s])[ \t]*(?:\n|$)")
_COMMA_AFTER = re.compile(r"^,[ \t]*")
#: An attendee list's "Name - Role" line: a spaced dash, then the role to the end of the line.
_DASH_AFTER = re.compile(r"^[ ]+[-–—][ ]+(?P<role>[^\n]{2,100}?)[ \t]*(?:\n|$)")
#: Characters no title holds: contact details and links ("Press Officer, 01632 ...", "a/b").
_NOT_ROLE_CHARS = re.compile(r"[@/|]|https?:|www\.|\d[\d ]{4,}")
#: Lower-case words a listed title may hold besides role words: "Head of X and Y", "Member for Z".
_LISTED_ROLE_LINKS = frozenset({"of", "for", "to", "and", "&", "the", "at", "in", "on", "with"})
#: A capitalised possessive right before a name run: "Children's" in "Children's Rights Watch".
_OWNER_BEFORE = re.compile(rf"(?<![\w'’-])([{UP}][{LO}]+['’]s?) $")
_SPACED_DASH = re.compile(r"\S[ ]+[-–—][ ]+\S")
#: List marks that may open a line before a name: "- Jo Lane - Chair", "• Jo Lane".
_LINE_MARKS = " \t-–—•·*"
_ORG_ONLY = re.compile(r"^(of|at|from)\s+", re.I)
#: The object of a role verb that is a body's own board: "the federation's governing board".
_OWNED_OBJECT = re.compile(r"the [a-z]+['’]s(?: [a-z-]+){1,3}")
#: A name that is a preposition's object, a lower-case role written between them at
#: most ("a letter to headteacher Jo Lane, the inspector says"); the role words are
#: matched case-sensitively so that a capitalised name word is never taken for one.
_OBJECT_OF = re.compile(
    r"\b(?i:from|to|with|by|of|for|about|than)\s+(?i:the\s+)?(?:[a-z][a-z'’-]*\s+){0,3}$"
)
_TABLE_LABEL = re.compile(r"[ \t]*(?P<label>[^\t:\n]{2,60}?)(?::[ \t]*|\t+[ \t]*|[ ]{2,})")
_PIECES = re.compile(r"[,:;()\n]")
#: What separates the cells of a one-line row of labelled names (the space after included).
_CELL_SEPARATORS = ("| ", "• ", "· ")
_AFTER_NAME = re.compile(r"^[ \t]*(?:,|\.|$|\n|[ \t]+\w)")
_INITIAL_RE = re.compile(INITIAL)
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_HARD_BREAK = re.compile(r"[.!?;:\"“”„()\[\]|•·\n]|[’'](?=\s|$)|\t|[ ]{2,}")
#: Everything up to the last hard break: ``.end()`` is where the clause before a name starts.
_LAST_HARD_BREAK = re.compile(rf"(?s).*(?:{_HARD_BREAK.pattern})")
_TOKEN = re.compile(r"[\w’'&.-]+|[^\w\s]")


@dataclass
class Mention:
    """One mention of a person, with what the sentence says about them."""

    start: int  #: first character, the honorific included
    end: int  #: end of the name
    name_start: int  #: first character of the name itself
    name: str  #: the name as written, without honorific
    honorific: str | None = None
    role: str | None = None
    org: str | None = None
    #: an organisation to resolve against the article: "council", "college", "its"...
    org_ref: str | None = None
    #: first character of a role written before the name ("Council leader Jo Quennell"), else start
    lead: int = -1
    #: which form found it (tests and debugging)
    form: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(**data)


#: The org_ref of a role written after "our" ("Our headteacher, Mrs Jo Lane"): the
#: organisation whose own page the text is, resolved by the attribution step.
OUR_REF = "our"


@dataclass(frozen=True)
class RoleParse:
    """A role phrase split into the role and the organisation it names."""

    role: str | None
    org: str | None = None
    org_ref: str | None = None


_IN_PLACE = re.compile(r"\s+in\s+")
#: A hyphenated modifier of a role: "Second-year", "award-winning", "long-serving".
_HYPHENATED = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)+")
#: "the USU", "the NSPCC": a body's acronym after "the" (a subject, "Head of SEN", has no "the").
_THE_ACRONYM = re.compile(r"the [A-Z][A-Z&]{1,6}")


def _alternation(words: Iterable[str]) -> str:
    """A regex for any of the phrases, the longest one that fits first; a space matches blanks.

    The phrases are merged into a prefix tree ("said|says|saying" becomes
    "sa(?:y(?:ing|s)|id)"): Python's regex engine tries the branches of an
    alternation one by one, so a flat list of 200 verbs costs 200 tries at
    every character, the tree a few.
    """
    return trie_pattern({w.strip(): "" for w in words if w.strip()})


def _bounded_trie(words: Iterable[str]) -> str:
    r"""``trie_pattern(..., bounded=True)`` of the words, with the first letter read as a literal.

    The same language and order of preference, written as one branch per first
    letter (``C(?<![\w'’-].)(?:llr|...)|D(?<![\w'’-].)r|...``): the regex engine
    skips to the letters that can start a word, as with the class of first
    letters, and then passes over each branch with a single comparison instead
    of a look-behind per letter. The words must start with a letter.
    """
    tree: dict[str, dict[str, str]] = {}
    for word in words:
        tree.setdefault(word[0], {})[word[1:]] = ""
    branches = [
        rf"{re.escape(ch)}(?<![\w'’-].){trie_pattern(rest)}" for ch, rest in sorted(tree.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _reversed_alternation(words: Iterable[str]) -> str:
    r""":func:`_alternation` of the phrases written backwards, for matching at a text's end.

    "Does the text end with one of these phrases?" as ``re.search(r"\b(?:...)$")``
    tries every position of the text; the same question is one ``match`` at the
    start of the reversed text with the reversed pattern: ``$`` (the end, or
    before a final newline) becomes ``\n?`` at the start, a run of blanks stays
    a run of blanks and ``\b`` stays ``\b`` (a boundary is one between the same
    two characters either way).
    """
    return trie_pattern({w.strip()[::-1]: "" for w in words if w.strip()})


#: Contact details written straight after a role ("Press Officer, 01632 960 000 / a@b.org"):
#: a phone number (seven or more digits and spaces), an email address or a web address.
_CONTACT_AHEAD = r"\+?\d[\d ]{5,}\d|[\w.+-]+@|https?:|www\."


def clause_end_pattern(clause_verbs: str, plain: bool = False) -> str:
    """Where a role phrase after a name stops (used with ``re.I``).

    A hard break, a clause verb (", who", " said"), contact details after a
    role ("Press Officer, on 01632 960 000", ", tel. 0163...", ", 01632 960 000",
    an email or web address) or a spaced slash ("Press Officer / Media Lead"). ``plain`` is the
    readable form; the default is the same pattern written for speed: every
    branch starts with a punctuation mark or a blank, so that character is read
    first as one class (the regex engine skips straight to such characters) and
    a look-behind on it picks the branches, in the plain form's order.
    """
    if plain:
        return (
            rf"""[.;:!?"“”()\[\]\n]|\t|[ ]{{2,}}|(?<=\s)[‘'](?=[{UP}{LO}])"""
            rf"""|,?\s+(?:{clause_verbs})\b"""
            r"""|,\s+(?:a|an|and|but|as|who|whose|which|where|when)\b"""
            r"""|,?\s+(?:on|tel|telephone|phone|mob|mobile)[.:]?\s*(?=[\d+(])"""
            r"""|,\s*(?:tel|telephone|phone|email|e-mail|mob|mobile|fax)\b"""
            rf"""|,?\s+(?={_CONTACT_AHEAD})|\s+/\s"""
        )
    # ",?\s+" once the first character is read: the rest of the blanks after a comma or a
    # blank (the character read is one or the other, so one look-behind holds)
    blanks = r"(?:(?<=,)\s+|(?<=\s)\s*)"
    return (
        rf"""[.;:!?"“”()\[\]\n\t ‘',\s](?:"""
        rf"""(?<=[.;:!?"“”()\[\]\n])|(?<=\t)|(?<=[ ])[ ]+|(?<=\s[‘'])(?=[{UP}{LO}])"""
        rf"""|{blanks}(?:{clause_verbs})\b"""
        r"""|(?<=,)\s+(?:a|an|and|but|as|who|whose|which|where|when)\b"""
        rf"""|{blanks}(?:on|tel|telephone|phone|mob|mobile)[.:]?\s*(?=[\d+(])"""
        r"""|(?<=,)\s*(?:tel|telephone|phone|email|e-mail|mob|mobile|fax)\b"""
        rf"""|{blanks}(?={_CONTACT_AHEAD})|(?<=\s)\s*/\s)"""
    )


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


_UNICODE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES = str.maketrans(dict.fromkeys(_UNICODE_SPACES + "\u202f\u205f\u3000", " "))


_ODD_SPACE = re.compile(f"[{_UNICODE_SPACES}\u202f\u205f\u3000]")
_PLAIN_KEY = "ofsted_extract.plain_text"


def plain_spaces(text: str) -> str:
    """A same-length copy of ``text`` with every Unicode space a plain space.

    Scraped copy puts non-breaking and thin spaces between words ("inspection
    report states"); the rules here read words separated by spaces, so they
    work on this copy, and offsets still index the original text. Most texts
    have none, and looking costs far less than translating.
    """
    if text.isascii() or not _ODD_SPACE.search(text):
        return text
    return text.translate(_SPACES)


def plain_text(doc: Doc) -> str:
    """:func:`plain_spaces` of the doc's text, made once and shared by the components."""
    got = doc.user_data.get(_PLAIN_KEY)
    if got is None:
        got = plain_spaces(doc_text(doc))
        doc.user_data[_PLAIN_KEY] = got
    return str(got)


_NORM_CACHE: dict[str, str] = {}


def _norm_word(word: str) -> str:
    """A word for lexicon look-ups: lower case, possessive dropped ("Council's" -> "council")."""
    got = _NORM_CACHE.get(word)
    if got is None:
        low = word.lower().replace("’", "'").strip(".,")
        got = low[:-2] if low.endswith("'s") else low.rstrip("'")
        if len(_NORM_CACHE) < 50_000:
            _NORM_CACHE[word] = got
    return got


class Lexicon:
    """The rule data of people.json (and the speech verbs of quotes.json), compiled once."""

    def __init__(self, data: dict[str, Any], quotes: dict[str, Any]) -> None:
        self._name_ok: dict[str, bool] = {}
        self._roles: dict[str, RoleParse | None] = {}
        self.honorifics: list[str] = list(data["honorifics"])
        self.heads = {w.lower() for w in data["role_heads"]}
        self.modifiers = {w.lower() for w in data["role_modifiers"]}
        self.former_statuses = {w.lower() for w in data["former_statuses"]}
        self.owners = {w.lower() for w in data["possessive_owners"]}
        self.owner_heads: dict[str, list[str]] = {
            k: list(v) for k, v in data["owner_heads"].items()
        }
        self.org_heads = {w.lower() for w in data["organisation_heads"]}
        self.weak_heads = {w.lower() for w in data["weak_organisation_heads"]}
        self.generic = {w.lower() for w in data["generic_words"]}
        self.descriptors = {w.lower() for w in data["org_descriptors"]}
        self.not_orgs = {w.lower() for w in data["not_organisations"]}
        self.safe = {w.lower() for w in data["surname_safe"]}
        self.function = {w.lower() for w in data["function_words"]}
        self.not_name = ({w.lower() for w in data["not_name_words"]} | self.function) - self.safe
        self.honorific_words = {_norm_word(w) for h in self.honorifics for w in h.split()}
        self.not_name |= {_norm_word(h) for h in self.honorifics}
        # "Adopter Jo": a lay role before a first name is not part of the name
        self.not_name |= {w.lower() for w in data["first_name_roles"] if " " not in w} - self.safe
        self.auxiliaries = {w.lower() for w in data["auxiliaries"]}
        self.collective_possessives = {w.lower() for w in data["collective_possessives"]}
        self.clause_verbs = {w.lower() for w in data["clause_verbs"]}
        self.complement_stops = {w.lower() for w in data["role_complement_stops"]}
        speech = list(quotes["speech_verbs"])
        self.speech_word = re.compile(rf"\b(?:{_alternation(speech)})\b[ \t]*", re.I)
        hon = _alternation(self.honorifics)
        first_hon = _bounded_trie(self.honorifics)
        self.honorific_re = re.compile(
            rf"(?P<hon>{first_hon}\.?(?:[ ](?:{hon})\.?)?)[ ]"
            rf"(?P<name>(?:{INITIAL} ?)*{NAME_WORD}"
            rf"(?: (?:{PARTICLE} |{INITIAL} ){{0,3}}{NAME_WORD}){{0,3}})"
        )
        self.run_re = re.compile(NAME_RUN_AT_WORD)
        self.org_seq = re.compile(ORG_SEQ)
        verbs = _alternation(speech)
        aux = _alternation(sorted(self.auxiliaries))
        # "Jo Lane, 41, whose son is in Year 9, said": an age may come before the clause
        self.speech_after = re.compile(
            rf"(?:,[ \t]*\d{{1,3}}(?=,))?(?:(?:,[^,.;:\"“”\n]{{1,160}}){{1,3}},)?[ \t]+"
            rf"(?:(?:{aux})[ \t]+){{0,3}}(?:{verbs})\b",
            re.I,
        )
        # "said Jo Lane": a speech verb ending the text before a name, matched on the
        # reversed text (see _reversed_alternation): ``\b(?:verbs)[ \t]+$``
        self.speech_before_rev = re.compile(
            rf"\n?[ \t]+(?:{_reversed_alternation(speech)})\b", re.I
        )
        clause_verbs = _alternation(data["clause_verbs"])
        self.clause_end = re.compile(clause_end_pattern(clause_verbs), re.I)
        self.relative_role = re.compile(
            rf"^,\s*(?:{_alternation(data['relative_role_openers'])})\s+(?:as\s+)?", re.I
        )
        # "Jo Lane, who moved here in 2004 and registered as a childminder in 2008, said":
        # a status the person still holds, named later in the relative clause (after
        # other clauses of it, so not a relative_role_opener). Gated on the phrase itself.
        self.relative_status_words = tuple(x.lower() for x in data["relative_status_openers"])
        self.relative_status = re.compile(
            rf"^,\s*who\b[^,.;:\"“”\n]{{0,120}}?(?<![\w'’-])"
            rf"(?:{_alternation(data['relative_status_openers'])})\s+",
            re.I,
        )
        self.relative_org = re.compile(
            r"^,\s*who\s+(?:(?:now|also|currently|still|jointly)\s+)*"
            rf"(?P<verb>{_alternation(data['relative_org_verbs'])})\b[ \t]*",
            re.I,
        )
        self.verb_roles: dict[str, str] = {
            " ".join(k.lower().split()): v for k, v in data.get("relative_verb_roles", {}).items()
        }
        self.first_name_roles = {" ".join(w.lower().split()) for w in data["first_name_roles"]}
        # a lone capitalised word after a space, then ", who"/", 34,"/a speech verb: the lay
        # role before it ("Adopter Jo, who ...") is checked on the words before, in Python
        self.first_name_re = re.compile(
            rf"[{UP}](?<![\w'’-].)(?<=[ ].){_NAME_REST}"
            rf"(?=,[ ](?:who|whose|aged|\d{{1,2}},)[ ]|[ ](?:{_alternation(speech)})\b)"
        )
        # "Jo Lane, whose twin sons are in Year 9, ...": only a person has a family
        self.kin_after = re.compile(
            rf",[ ]+whose[ ]+(?:[\w-]+[ ]+){{0,2}}(?:{_alternation(data['kin_words'])})(?![\w'’-])",
            re.I,
        )
        self.org_prep = re.compile(r"(?:^|\s)(for|at)\s+")
        # "a message from Jo Lane", reversed: ``\b(?:introducers)[ ]+(?:the[ ]+)?$``
        self.introducer_rev = re.compile(
            rf"\n?(?:[ ]+eht)?[ ]+(?:{_reversed_alternation(data['introducers'])})\b", re.I
        )
        # "commissioner to review whether ...": a purpose clause after the role ends it
        purpose = rf"to\s+(?:{_alternation(data['purpose_verbs'])})"
        tails = "|".join([*data["role_tails"], purpose])
        self.role_tail = re.compile(rf"\s+(?:{tails})\b.*$", re.I | re.S)
        self.org_by = re.compile(
            rf"\s+(?:{_alternation(data['org_by'])})\s+(?P<org>.+)$", re.I | re.S
        )
        owners = _alternation(sorted(self.owners))
        self.owner_possessive = re.compile(
            rf"^(?:the\s+)?(?P<own>{owners})['’]s?\s+(?P<rest>.+)$", re.I | re.S
        )
        self.owner_phrase = re.compile(rf"^(?:the\s+)?(?P<own>{owners})$", re.I)
        self.inner_owner = re.compile(
            rf"\s(?:of|for|at|on)\s+the\s+(?P<own>{owners})['’]s?\s", re.I
        )
        # "Harrowdene council": capitalised place words, then a body word in lower case
        self.lower_head_org = re.compile(
            rf"(?P<place>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})[ ]"
            rf"(?P<head>{_alternation(data['lower_case_org_heads'])})"
        )
        owner_word = rf"[{UP}][{UP}{LO}&.-]*"
        owner_seq = rf"{owner_word}(?:[ ]+(?:{ORG_CONNECT}[ ]+)*{owner_word})*"
        self.cap_possessive = re.compile(rf"^(?P<own>{owner_seq})['’]s?\s+(?P<rest>.+)$", re.S)
        self.lead_org = re.compile(rf"^(?P<own>{ORG_SEQ})\s+(?P<rest>[{LO}].*)$", re.S)
        self.inner_possessive = re.compile(
            rf"^(?P<pre>.*?\b(?:of|for|at|on))\s+(?:the\s+)?(?P<own>{owner_seq})['’]s\s+(?P<post>[{LO}].*)$",
            re.S,
        )
        self.place_roles = {w.lower() for w in data["place_roles"]}
        self.owned_adjectives = {w.lower() for w in data["owned_role_adjectives"]}
        self.kind_owners = {w.lower() for w in data["kind_role_owners"]}
        self.remit_not_endings = tuple(w.lower() for w in data["owned_remit_not_endings"])
        # a press release's "Notes to editors" heading, and the headings that end its block
        self.notes_heading = re.compile(
            rf"^[ \t]*(?:{_alternation(data['notes_headings'])})[ \t:]*$", re.I | re.M
        )
        self.notes_end = re.compile(
            rf"^[ \t]*(?:{_alternation(data['notes_block_ends'])})\b[^\n]{{0,30}}$", re.I | re.M
        )
        self.sub_unit = re.compile(
            rf"\s+of\s+(?:the\s+|its\s+)?(?:[{UP}][\w'’&.-]*\s+)+(?:{_alternation(data['sub_units'])})$",
            re.I,
        )
        # "the NAHT school leaders' union": an acronym body, then a lower-case gloss of its kind
        self.acronym_gloss = re.compile(
            rf"(?:the[ ]+)?(?P<acr>[A-Z][A-Z&]{{1,6}})[ ]+(?:[a-z][\w'’-]*[ ]+){{0,3}}"
            rf"(?:{_alternation(data['acronym_glosses'])})",
        )
        self.split_prep = re.compile(r"\s+(at|of|on|for|with)\s+", re.I)
        heads = _alternation(sorted(self.heads))
        # a role written as one hyphenated word: "vice-principal", "deputy-head" (a
        # listed prefix before a head), "teacher-in-charge", "head-of-school" (a listed
        # link after it)
        pre = _alternation(data["hyphen_role_prefixes"])
        post = "|".join(data["hyphen_role_links"])
        hyphen = rf"(?:(?:{pre})-)?(?:{heads})(?:-(?:{post}))?"
        self.head_re = re.compile(rf"(?<![\w-]){hyphen}(?![\w-])", re.I)
        self.hyphen_head = re.compile(hyphen, re.I)

    # Patterns only some documents need, compiled on first use (compiling costs start-up
    # time; a one-file run that names no body to resolve never needs them).

    @functools.cached_property
    def org_head_re(self) -> re.Pattern[str]:
        """An organisation word as a capitalised run writes it: "Council", "Pre-School", "NHS"."""
        written = {f(h) for h in self.org_heads for f in (_capitalise, str.title, str.upper)}
        return re.compile(rf"{_bounded_trie(written)}(?:['’]s?)?\.?(?![\w'’&-])")

    @functools.cached_property
    def org_mention_re(self) -> re.Pattern[str]:
        """A capitalised run that may name a body, with an acronym after it: "... Board (ICB)"."""
        return re.compile(
            rf"[{UP}](?<![\w'’-].){ORG_WORD_REST}(?:[ ]+(?:{ORG_CONNECT}[ ]+)*{ORG_WORD})*"
            rf"(?:[ ]*\((?P<acr>[A-Z][A-Za-z&]{{1,7}})\))?"
        )

    @functools.cached_property
    def contact_cue(self) -> re.Pattern[str]:
        """A press contact's line in the page furniture: "For media enquiries contact ..."."""
        return re.compile(r"\b(?:contact|enquiries|inquiries)\b", re.I)

    # -- words -----------------------------------------------------------------

    def name_word_ok(self, word: str) -> bool:
        got = self._name_ok.get(word)
        if got is None:
            got = _norm_word(word) not in self.not_name
            if len(self._name_ok) < 50_000:
                self._name_ok[word] = got
        return got

    def is_head(self, word: str) -> bool:
        low = _norm_word(word)
        return low in self.heads or ("-" in low and self.hyphen_head.fullmatch(low) is not None)

    def has_head(self, text: str) -> bool:
        return bool(self.head_re.search(text))

    def has_org_head(self, text: str) -> bool:
        """Whether a phrase holds an organisation word ("Council", "Trust")."""
        return any(_norm_word(w) in self.org_heads for w in _ORG_TOKEN.findall(text))

    # -- organisations ---------------------------------------------------------

    def is_org(self, seq: str, prep: str | None, described: bool) -> bool:
        """Whether a capitalised phrase names an organisation (not a portfolio or a place).

        ``prep`` says how it was introduced: "at"/"on" (any proper name will do),
        "of" (a proper name without portfolio words), "'s" (an owner), "lead"
        (written before a role: needs an organisation word), None (needs one too).
        """
        if seq.lower().removeprefix("the ") in self.not_orgs:
            return False
        words = [w for w in (_norm_word(w) for w in _ORG_TOKEN.findall(seq)) if w]
        if not words:
            return False
        if len(words) > 1 and words[0] in self.modifiers:
            # "Opposition Liberal Democrat leader": a party after a role modifier stays in
            # the role, as the party alone does ("Liberal Democrat leader")
            core = words[1:]
            while " ".join(core) not in self.not_orgs:
                if len(core) < 2 or core[0] not in self.modifiers:
                    break
                core = core[1:]
            else:
                return False
        heads = [w for w in words if w in self.org_heads]
        if any(w not in self.weak_heads for w in heads) and len(words) >= 2:
            return True
        for i, w in enumerate(words[:-2]):
            if w in self.org_heads and words[i + 1] in ("for", "of"):
                return True  # "Centre for Family Policy", "Office for Students"
        if not any(w not in self.generic for w in words):
            return False
        if heads or described or prep in ("at", "on", "'s", "by"):
            return True
        # "headteacher of St Petroc's": a proper name of two words or more, nothing generic
        return prep == "of" and len(words) >= 2 and not any(w in self.generic for w in words)

    def match_org(self, rest: str, prep: str | None) -> RoleParse | None:
        """``rest`` as a whole organisation phrase after ``prep``, or None."""
        rest = rest.strip().rstrip(",.;:")
        low = rest.lower()
        if low.startswith(("its ", "their ")):
            return None
        own = self.owner_phrase.match(rest)
        if own and low.startswith("the "):
            return RoleParse(None, org_ref=own.group("own").lower())
        body = _THE_I.sub("", rest)
        if (
            prep in ("of", "at", "for", "by")
            and _THE_ACRONYM.fullmatch(rest)
            and body.lower() not in self.generic
            and body.lower() not in self.not_orgs
        ):
            # "general secretary of the USU": an acronym the article spells out elsewhere
            # ("The United Schools Union (USU)"); the attribution step expands it
            return RoleParse(None, org=body)
        gloss = self.acronym_gloss.fullmatch(rest) if prep in ("of", "at", "for", "by") else None
        if gloss is not None:
            acronym = gloss.group("acr")
            if acronym.lower() not in self.generic and acronym.lower() not in self.not_orgs:
                # "regional secretary of the NAHT school leaders' union": the gloss says what
                # kind of body the acronym is; the acronym is its name
                return RoleParse(None, org=acronym)
        described = False
        words = body.split(" ")
        # "the kinship care charity Family Roots": lower-case words ending in a descriptor
        i = 0
        while i < len(words) - 1 and i < 5 and words[i][:1].islower():
            i += 1
        if 0 < i < len(words) and words[i - 1].lower() in self.descriptors:
            described = True
            words = words[i:]
        body = " ".join(words)
        body = _THE.sub("", body)
        low_head = self.lower_head_org.fullmatch(body)
        if low_head is not None:
            # "leader of Harrowdene council": a place and a lower-case body word, written as
            # the body's name; the place must hold a proper word ("North Tyneside council"),
            # not only generic ones ("Leader of the County council")
            proper = low_head.group("place")
            if any(w.lower() not in self.generic for w in proper.split()) and self.is_org(
                f"{proper} {_capitalise(low_head.group('head'))}", prep, False
            ):
                return RoleParse(None, org=_clean_org(body))
            return None
        m = self.org_seq.fullmatch(body)
        if m is None or not self.is_org(body, prep, described):
            return None
        return RoleParse(None, org=_clean_org(body))

    # -- roles -----------------------------------------------------------------

    def parse_role(self, segment: str) -> RoleParse | None:
        """Split a role phrase ("director of children's services at Kelmouth Council").

        A pure function of the phrase, and the same phrases come back in
        article after article ("Leader of the Council", "director of
        children's services"): the answers are kept, up to a bound.
        """
        if segment in self._roles:
            return self._roles[segment]
        parsed = self._parse_role(segment)
        if len(self._roles) < 20_000:
            self._roles[segment] = parsed
        return parsed

    def _parse_role(self, segment: str) -> RoleParse | None:
        s = " ".join(segment.split()).strip(" ,;:–—-")
        s = _AGE.sub("", s)  # an age: "Jo Lane, 45, a teacher"
        former = _FORMER.match(s)
        if former and s[former.end() :].strip(" -").lower() not in self.former_statuses:
            # a past role is not the role the person speaks in; but a past pupil speaks
            # as one ("Former pupil Jo Lane said"): that status is who they are now
            return None
        org: str | None = None
        org_ref: str | None = None
        kind_ref: str | None = None
        ours = s[:4].lower() == "our "
        s = _ARTICLE.sub("", s)
        if _ITS.match(s):
            org_ref = "its"
            s = s.split(None, 1)[1] if " " in s else ""
        by = self.org_by.search(s)
        if by:
            found = self.match_org(self.role_tail.sub("", by.group("org")), "by")
            s = s[: by.start()]
            if found:
                org, org_ref = found.org, found.org_ref or org_ref
        s = self.role_tail.sub("", s).strip(" ,")
        own = self.owner_possessive.match(s)
        cap = None if own else self.cap_possessive.match(s)
        if own:
            org_ref = own.group("own").lower()
            s = own.group("rest")
        elif cap and not self.has_head(cap.group("own")):
            owner = _THE.sub("", cap.group("own"))
            if self.is_org(owner, "'s", False):
                org = _clean_org(owner)
                s = cap.group("rest")
        else:
            lead = self.lead_org.match(s)
            if lead and not self.has_head(lead.group("rest")):
                lead = None  # "... Education at Kingsmoor Council": no role follows the name
            elif (
                lead
                and " " not in lead.group("own")
                and _norm_word(lead.group("own")) in self.org_heads
            ):
                # "Nursery manager", "Trust chair": a kind, not a body; the role is kept
                # whole, and the kind is read as "the trust's" would be, so the body of
                # that kind the article names is the role's organisation
                kind = _norm_word(lead.group("own"))
                if kind in self.kind_owners:
                    kind_ref = kind
                lead = None
            if lead and self.is_org(lead.group("own"), "lead", False):
                org = _clean_org(lead.group("own"))
                s = lead.group("rest")
            elif (
                lead
                and lead.group("own").lower() not in self.modifiers
                and not _HYPHENATED.fullmatch(lead.group("own"))  # "Second-year student"
                and not self.has_head(lead.group("own"))
                and self.is_org(lead.group("own"), "'s", False)
                and not (set(_norm_word(w) for w in lead.group("rest").split()) & self.place_roles)
            ):
                # "Corvell managing director": a short name of a body, resolved against the
                # article's organisations; "Hallowmere North MP" keeps its constituency
                org = _clean_org(lead.group("own"))
                org_ref = f"name:{org}"
                s = lead.group("rest")
        inner = self.inner_possessive.match(s)
        if inner and org is None and self.is_org(inner.group("own"), "'s", False):
            org = _clean_org(inner.group("own"))
            s = f"{inner.group('pre')} the {inner.group('post')}"
        for m in self.split_prep.finditer(s):
            prep = m.group(1).lower()
            rest = s[m.end() :]
            if rest.lower().startswith(("its ", "their ")) and org is None:
                org_ref = org_ref or "its"
                break
            found = self.match_org(rest, prep)
            if found and found.org and prep == "for":
                area = _IN_PLACE.split(found.org, maxsplit=1)[0]
                if area != found.org and not self.is_org(area, prep, False):
                    continue  # "Commissioner for Children's Services in Thornbury": a remit
            if found and self.has_head(s[: m.start()]):
                if found.org and org and found.org != org and prep != "at":
                    continue
                org = found.org or org
                org_ref = found.org_ref or org_ref
                s = s[: m.start()]
                break
        role = s.strip(" ,;:–—-")
        if org is None and org_ref is None and "the " in role:
            inner_owner = self.inner_owner.search(role)
            if inner_owner is not None:
                # "chair of the council's corporate parenting panel": the panel is the
                # council's, so the role (kept whole) is held at the council the article names
                org_ref = inner_owner.group("own").lower()
        if org:
            # "secretary of the Eastfield branch" of the named union: the branch is part of the body
            role = self.sub_unit.sub("", role)
        if not role or not self.has_head(role) or len(role.split()) > 16:
            return None
        if ours and org is None and org_ref is None:
            org_ref = OUR_REF  # "our headteacher": the page's own body, if it names one
        if org is None and org_ref is None:
            org_ref = kind_ref
        return RoleParse(role, org, org_ref)

    def listed_role(self, segment: str) -> RoleParse | None:
        """A role standing alone after a name in a list ("Jo Lane - Head of Quality Assurance").

        The line after the dash may be anything (a headline "Jo Lane - Head praises
        staff", a description), so it is a role only when it reads as a title: a
        head noun, the words before it capitalised or role modifiers, and after it
        nothing or an "of"/"for"/"to" phrase naming a remit or a body. Lower-case
        words other than role words and connectors (a verb, an adjective) reject it.
        """
        words = segment.split()
        if not words or len(words) > 12 or _NOT_ROLE_CHARS.search(segment):
            return None
        head_i = next((i for i, w in enumerate(words) if self.is_head(w)), None)
        if head_i is None:
            return None
        after = words[head_i + 1 : head_i + 2]
        if after and not (_norm_word(after[0]) in _LISTED_ROLE_LINKS or self.is_head(after[0])):
            return None  # "Head praises staff": a headline, not a title
        for word in words:
            low = _norm_word(word)
            if word[:1].isupper() or low in _LISTED_ROLE_LINKS or low in self.heads:
                continue
            if low in self.modifiers or low in self.generic:
                continue
            return None
        return self.parse_role(segment)

    def _hyphenated_modifier(self, tokens: list[tuple[int, int, str]], start_i: int) -> int | None:
        """Where a role before a name starts when a hyphenated modifier opens it, or None.

        "Second-year construction student", "award-winning drama teacher": a noun
        between the modifier and the head ("construction", "drama") is no role word,
        so it is taken only when such a modifier stands right before it. One noun at
        most, and not a function word, a verb of the clause or a time word: "a
        well-attended meeting heard deputy head Jo Lane" keeps "deputy head".
        """
        for k in (0, 1):
            i = start_i - k - 1  # the hyphenated word; the k words after it are plain nouns
            if i < 0:
                return None
            words = [t[2] for t in tokens[i + 1 : start_i]]
            if not all(self.plain_noun(w) for w in words):
                return None
            if _HYPHENATED.fullmatch(tokens[i][2]):
                return i
        return None

    def plain_noun(self, word: str) -> bool:
        """A lower-case word that may be a noun inside a role ("construction", "drama")."""
        low = word.lower()
        return (
            word.isalpha()
            and word.islower()
            and low not in self.function
            and low not in self.complement_stops
            and low not in self.auxiliaries
            and low not in self.clause_verbs
            and not low.endswith("ed")
        )

    def role_before(self, text: str, name_start: int, comma: bool) -> tuple[RoleParse, int] | None:
        """A role written before a name, and where it starts.

        "Council leader Jo Quennell" (``comma`` False) or "the council's chief
        executive, Sam Hill" (``comma`` True). The role is built leftwards from
        its last head word over modifiers, capitalised words and an owner, so
        "thanked the staff and headteacher Jo Lane" gives only "headteacher".
        """
        lo = max(0, name_start - 180)
        window = text[lo:name_start]
        if comma:
            stripped = window.rstrip()
            if not stripped.endswith(","):
                return None
            window = stripped[:-1]
        elif not window.endswith(" ") or window.endswith("  "):
            return None
        brk = _LAST_HARD_BREAK.match(window)
        cut = brk.end() if brk else 0
        if not comma:
            last_comma = window.rfind(",")
            cut = max(cut, last_comma + 1)
        if not self.head_re.search(window, cut):
            return None
        for verb in self.speech_word.finditer(window, cut):
            cut = max(
                cut, verb.end()
            )  # "said Ottery's director, Jo Lane": the role starts after "said"
        tokens = [(m.start() + lo, m.end() + lo, m.group()) for m in _TOKEN.finditer(window, cut)]
        if not tokens or len(tokens) > 24:
            tokens = tokens[-24:]
        head_i = None
        for i in range(len(tokens) - 1, -1, -1):
            if self.is_head(tokens[i][2]) or _compound_head(tokens, i, self):
                head_i = i
                break
        if head_i is None:
            return None
        tail = tokens[head_i + 1 :]
        if len(tail) > (14 if comma else 8):
            return None
        if not comma and any(_norm_word(t[2]) in self.complement_stops for t in tail):
            return None
        if (
            not comma
            and tail
            and tail[0][2][:1].islower()
            and tail[0][2].lower() not in _TRAILING_CONNECTORS
        ):
            return None  # "MP visits outstanding Saxonby Scouts": a verb after the head noun
        if tokens[-1][2].lower() in _TRAILING_CONNECTORS:
            return None
        start_i = head_i
        while start_i > 0:
            word = tokens[start_i - 1][2]
            low = _norm_word(word)
            if word in (",",):
                break
            if low in ("of", "for") and start_i >= 2:
                # inside an organisation's name: "National Association of Head Teachers"
                if tokens[start_i - 2][2][:1].isupper() and tokens[start_i][2][:1].isupper():
                    start_i -= 1
                    continue
                break
            if low in ("and", "&") and start_i >= 2:
                before = tokens[start_i - 2][2]
                if (
                    self.is_head(before)
                    or before[:1].isupper()
                    or _norm_word(before) in self.modifiers
                ):
                    start_i -= 1
                    continue
                break
            if low in ("the", "its", "their"):
                start_i -= 1
                break
            if word.isdigit() and len(word) <= 2 and start_i >= 2 and \
                    tokens[start_i - 2][2][:1].isupper():
                start_i -= 1  # a year group or key stage: "Year 6 pupil", "Key Stage 2 lead"
                continue
            if word[:1].isupper():
                if low in self.function:
                    break
                start_i -= 1
                continue
            if low in self.modifiers or low in self.heads or word.lower() in self.modifiers:
                start_i -= 1
                continue
            if (word.endswith(("'s", "’s")) and low in self.owners) or low in ("its", "their"):
                start_i -= 1
                continue
            if (
                low in self.owned_adjectives
                and start_i >= 2
                and tokens[start_i - 2][2].endswith(("'s", "’s"))
            ):
                start_i -= 1  # "Lockgate's new manager": the owner comes before the adjective
                continue
            if (
                start_i >= 2
                and word.isalpha()
                and word.islower()
                and low not in self.function
                and low not in self.clause_verbs
                and low not in self.auxiliaries
                and not low.endswith(self.remit_not_endings)
                and tokens[start_i - 2][2].endswith(("'s", "’s"))
                and _norm_word(tokens[start_i - 2][2]) in self.owners
            ):
                # "the council's highways manager": one remit word the lexicon does not
                # know, held between the owner and the role, belongs to the role
                start_i -= 1
                continue
            hyphenated = self._hyphenated_modifier(tokens, start_i)
            if hyphenated is not None:
                start_i = hyphenated
                continue
            break
        role_start = tokens[start_i][0]
        role_end = tokens[-1][1]
        parsed = self.parse_role(text[role_start:role_end])
        if parsed is None:
            return None
        if (
            parsed.org is None
            and parsed.org_ref is None
            and text[max(0, role_start - 4) : role_start].lower() == "our "
            # "Your headteacher" is the reader's
            and not (role_start >= 5 and _WORDISH.match(text, role_start - 5))
        ):
            # "Our chief executive, Dr Jo Lane, said": the body whose page this is
            parsed = RoleParse(parsed.role, None, OUR_REF)
        if (
            parsed.org is None
            and parsed.org_ref is None
            and text.endswith("whose ", max(0, role_start - 6), role_start)
        ):
            # "part of the Marram Learning Trust, whose chief executive, Jo Lane, said": the
            # body the relative clause hangs on is the role's organisation
            whose = _WHOSE_ORG.search(text, max(0, role_start - 120), role_start)
            if whose is not None:
                body = _clean_org(whose.group("org"))
                if self.has_org_head(body) and self.is_org(body, None, False):
                    parsed = RoleParse(parsed.role, body, None)
        return parsed, role_start


#: A role ending in "of" and one capitalised word: "chief executive of Lanthorn".
_SHORT_ORG_ROLE = re.compile(
    rf"(?P<role>.+?)[ ]of[ ](?P<short>{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}})"
)
#: A capitalised body right before ", whose <role>": ``whose`` points back to it.
_WHOSE_ORG = re.compile(rf"(?<![\w'’&.-])(?P<org>{ORG_SEQ}),[ ]+whose[ ]+$")

#: "The council has appointed Dr Jo Lane, a former director, as its interim director".
_APPOINTED_VERBS = [
    "appointed", "appoints", "named", "names", "elected", "chosen", "selected", "installed",
    "hired", "recruited", "promoted", "confirmed",
]  # fmt: skip
#: ``\b(?:appointed|...)[ \t]+(?:the[ \t]+)?$`` on the text before a name, matched on the
#: reversed text (see :func:`_reversed_alternation`).
_APPOINTED_REV = re.compile(
    rf"\n?(?:[ \t]+eht)?[ \t]+(?:{_reversed_alternation(_APPOINTED_VERBS)})\b", re.I
)
_AS_ROLE = re.compile(
    r"^(?:,[^,;:.\"“”()\n]{1,160},)?[ \t]+as[ \t]+(?P<role>[^,.;:()\"“”\n]{2,100})"
)
_TRAILING_CONNECTORS = {
    "of",
    "for",
    "at",
    "on",
    "and",
    "&",
    "the",
    "to",
    "in",
    "with",
    "by",
    "from",
    "a",
    "an",
}


def _compound_head(tokens: list[tuple[int, int, str]], i: int, lex: Lexicon) -> bool:
    """A two-word head such as "head teacher" ending at token ``i``."""
    if i == 0:
        return False
    pair = f"{_norm_word(tokens[i - 1][2])} {_norm_word(tokens[i][2])}"
    return pair in lex.heads


#: A year group or key stage right before a lay role: "Year 6" in "Year 6 pupil Amara".
_YEAR_GROUP_BEFORE = re.compile(r"\b((?:Year|Key Stage|Reception)(?: \d{1,2})?) $")
#: A verb that states a role after a name: "Jo Lane has been chair of governors", or a
#: passive of appointing: "Jo Lane has been appointed interim headteacher". The passive
#: comes first: the bare "has been" would stop at "appointed", which opens no role.
_COPULAR = re.compile(
    r",?[ ]+(?:(?:is|was|has[ ]+been|had[ ]+been|have[ ]+been|has[ ]+now[ ]+been)[ ]+"
    r"(?:appointed|named|made|installed|confirmed[ ]+as)(?:[ ]+as)?"
    r"|is|was|has[ ]+been|had[ ]+been|became|has[ ]+become|is[ ]+now|remains)[ ]+"
    r"(?P<role>[^.;:!?\n\"“”()]{1,120})"
)
#: A body announcing a role and a name: "Brenmouth Rovers have confirmed that " before
#: "manager Lee Tran". Read on the text before the role.
_ANNOUNCER_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(\"“]))(?P<org>{ORG_SEQ})[ ]+have[ ]+"
    r"(?:confirmed|announced|revealed|said|told\b[^.;:\n]{1,40}?)[ ]+that[ ]+$"
)
#: A lone given name before " and ": "Winston" in "Winston and Folasade Maccabe".
_GIVEN_AND = re.compile(rf"(?<![\w'’.-])({NAME_WORD}) and $")
#: A capitalised word (a name, an honorific) ending the text before a given name.
_CAPITAL_WORD_BEFORE = re.compile(rf"[{UP}][\w'’.-]*[ ]+$")
#: ... unless that word opens a sentence or a line: the role in "Adopters Maeve and Torin Lane".
_LAST_HARD_BREAK_END = re.compile(r"(?:^|[.!?:;\n]\s*)[^\s.!?:;]+[ ]+$")
#: A given name right before a surname: "Maisie" in "Maisie Lane".
_GIVEN_BEFORE = re.compile(rf"(?<![\w'’-]){NAME_WORD}$")
#: A preposition of place right before a name-shaped pair: "from her home in Tannery Lane".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of|on|into|via)[ ]+$", re.I)


def _is_full(word: str) -> bool:
    """A capitalised name word (not an initial, not a particle such as "van" or "Ó")."""
    return word[:1].isupper() and not word.endswith(".") and word not in CAP_PARTICLES


def _clean_org(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:.")
    name = _THE_CAP.sub("", name)
    return _POSSESSIVE_END.sub("", name)


class PeopleFinder:
    """Finds person mentions and organisation names in a text."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._org_names: dict[str, tuple[str, bool] | None] = {}
        self._parts: dict[str, list[tuple[int, list[str]]]] = {}

    # -- the pieces ------------------------------------------------------------

    def _trim_name(
        self, words: list[str], strict: bool, initials: bool = False
    ) -> list[str] | None:
        """The name words of a run, or None when the run is not a name.

        With ``initials`` (after an honorific: "Mrs A. Lane") a capital initial is
        a name word even where its letter is a function word ("A", "I"); in a
        bare run "Plan A. Teachers" it may be the end of a sentence.
        """
        keep: list[str] = []
        for word in words:
            if not self.lex.name_word_ok(word) and not (
                initials and _INITIAL_RE.fullmatch(word)
            ):
                break
            keep.append(word)
        while keep and not _is_full(keep[-1]):
            keep.pop()  # a name ends with a surname, not an initial or a particle
        full = [w for w in keep if _is_full(w)]
        if not full or (strict and len(full) < 2):
            return None
        return keep

    def _after_role(self, text: str, start: int, end: int) -> tuple[RoleParse | None, str]:
        """A role written after the name: "(Leader of the Council)", ", director of ..."."""
        tail = text[end : end + 260]
        # Each form below starts with a known character (a blank, "(" or ","): the patterns
        # that cannot match the first character of the tail are not tried.
        lead = tail[:1]
        if lead == "\n":
            return self._signature_role(text, start, tail), "signature"
        if lead not in (" ", ",", "(", "\t"):
            return None, ""
        if lead in (" ", ","):
            copular = self._copular_role(tail)
            if copular is not None:
                return copular, "copular"
        if lead != "," and lead != "\t":
            paren = _PAREN_AFTER.match(tail)  # ^[ ]*\(
            if paren and self.lex.has_head(paren.group(1)):
                return self.lex.parse_role(paren.group(1)), "paren"
        if lead != "(":
            appointed = _APPOINTED_REV.match(text[max(0, start - 40) : start][::-1])
            as_role = _AS_ROLE.match(tail) if appointed else None  # ^,... or ^[ \t]
            if as_role and self.lex.has_head(as_role.group("role")):
                seg = as_role.group("role")
                stop = self.lex.clause_end.search(seg)
                return self.lex.parse_role(seg[: stop.start()] if stop else seg), "appointed"
        if lead == ",":
            rel = self.lex.relative_role.match(tail)  # ^,
            if rel:
                seg = tail[rel.end() :]
                stop = self.lex.clause_end.search(seg)
                seg = seg[: stop.start()] if stop else seg
                return self.lex.parse_role(seg), "relative"
            # gated on the phrase itself (written in lower case inside a clause)
            rel = (
                self.lex.relative_status.match(tail)
                if any(w in tail for w in self.lex.relative_status_words)
                else None
            )
            if rel:
                seg = tail[rel.end() :]
                stop = self.lex.clause_end.search(seg)
                seg = seg[: stop.start()] if stop else seg
                if self.lex.has_head(seg):
                    return self.lex.parse_role(seg), "relative"
            rel = self.lex.relative_org.match(tail)  # ^,
            if rel:
                found = self._relative_org(tail[rel.end() :])
                verb = " ".join(rel.group("verb").lower().split())
                verb_role = self.lex.verb_roles.get(verb)
                if found is not None:
                    if verb_role and found.role is None:
                        found = RoleParse(verb_role, found.org, found.org_ref)
                    return found, "org"
                if verb_role:
                    owned = self._owned_object_role(verb_role, tail[rel.end() :])
                    if owned is not None:
                        return owned, "verb"
        else:
            dash = _DASH_AFTER.match(tail) if lead == " " else None  # ^[ ]+[-–—]
            if dash and self._starts_line(text, start) and _in_list(text, start):
                listed = self.lex.listed_role(dash.group("role"))
                if listed is not None:
                    return listed, "dash"
            column = _COLUMN_AFTER.match(tail)  # ^\t or ^[ ]{2}
            if (
                column
                and self.lex.has_head(column.group("col"))
                and len(column.group("col").split()) <= 8
            ):
                return self.lex.parse_role(column.group("col")), "column"
            return None, ""  # the apposition below starts with a comma
        comma = _COMMA_AFTER.match(tail)
        if not comma:
            return None, ""
        seg = tail[comma.end() :]
        first = seg.split(" ", 1)[0] if seg else ""
        low = _norm_word(first)
        if low in (
            "who",
            "whose",
            "which",
            "where",
            "when",
            "and",
            "but",
            "said",
            "says",
            "added",
            "told",
        ):
            return None, ""
        org_only = _ORG_ONLY.match(seg)
        stop = self.lex.clause_end.search(seg)
        if (
            stop
            and stop.group()[:1].isspace()
            and stop.group().strip()[:1].isalpha()
            and _OBJECT_OF.search(text, max(0, start - 60), start)
        ):
            # "a question from Cllr Lee, the director confirmed": the name is an object and
            # the phrase after the comma is the subject of a new clause, not an apposition
            return None, ""
        seg = seg[: stop.start()] if stop else seg
        if org_only:
            found = self.lex.match_org(seg[org_only.end() :], org_only.group(1).lower())
            if found:
                return RoleParse(None, found.org, found.org_ref), "org"
            return None, ""
        words = seg.split(" ", 3)
        second = words[1] if len(words) > 1 else ""
        third = words[2] if len(words) > 2 else ""
        if not (
            first[:1].isupper()
            or first[:1].isdigit()
            or low in self.lex.modifiers
            or (first.isalpha() and low not in self.lex.function and self.lex.is_head(second))
            # "Adunni Carbis, adoption service manager, said": two nouns before the head
            or (
                self.lex.is_head(third)
                and all(self.lex.plain_noun(w) and not w.endswith("ing") for w in (first, second))
            )
            or self.lex.is_head(first)
            # "Mrs Jo Lane, our headteacher, has written": a school's own page speaks as "our"
            or low in ("the", "a", "an", "its", "their", "his", "her", "our")
            or first.endswith(("'s", "’s"))
        ):
            return None, ""
        head = self.lex.head_re.search(seg)
        if head is None or len(seg[: head.start()].split()) > 6:
            return None, ""
        return self.lex.parse_role(seg), "apposition"

    @staticmethod
    def _starts_line(text: str, start: int) -> bool:
        """Whether a mention (its honorific included) opens its line, after list marks at most."""
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip(_LINE_MARKS)

    def _copular_role(self, tail: str) -> RoleParse | None:
        """A role stated with a verb after the name: "Jo Lane has been chair of governors
        since 2019", "her husband, Jo Lane, is a governor". The role must open the phrase
        (after an article or a modifier), so "Jo Lane was delighted" and "Jo Lane was appointed
        to the board" name no role."""
        m = _COPULAR.match(tail)
        if m is None:
            return None
        seg = m.group("role")
        stop = self.lex.clause_end.search(seg)
        seg = seg[: stop.start()] if stop else seg
        words = seg.split()
        while words and _norm_word(words[-1]) in ("and", "but", "or", "who", "which", "since"):
            words.pop()  # "is a parent at the school and said": the clause goes on
        seg = " ".join(words)
        if not words:
            return None
        first = _norm_word(words[0])
        if not (
            first in ("the", "a", "an", "its", "their", "his", "her", "our")
            or first in self.lex.modifiers
            or self.lex.is_head(words[0])
            or words[0][:1].isupper()
        ):
            return None
        head = self.lex.head_re.search(seg)
        if head is None or len(seg[: head.start()].split()) > 4:
            return None
        return self.lex.parse_role(seg)

    def _announcer(self, text: str, lead: int) -> str | None:
        """The body that announces a role and a name: "Brenmouth Rovers have confirmed
        that manager Lee Tran ...". Only the plural "have" is read: a body takes it in
        British English, a single person ("Jo Lane has confirmed that ...") does not."""
        window = text[max(0, lead - 120) : lead]
        if not window.endswith("that ") or "have " not in window:
            return None  # a cheap test first: almost no role before a name follows "that"
        m = _ANNOUNCER_BEFORE.search(window)
        if m is None:
            return None
        body = _clean_org(m.group("org"))
        if (" and " in body or " " not in body) and not self.lex.has_org_head(body):
            # "Jo and Sam Lane have confirmed that": two people; "Parents have said that":
            # one capitalised word opening a sentence is as likely a common noun
            return None
        return body if self.lex.is_org(body, "at", False) else None

    def _signature_role(self, text: str, start: int, tail: str) -> RoleParse | None:
        """The role on the line under a name that stands alone on its line, as letters and
        statements are signed ("Warm wishes, / Mrs Jo Lane / Headteacher")."""
        if text[text.rfind("\n", 0, start) + 1 : start].strip():
            return None  # the name does not start its line
        role_line = tail[1:].split("\n", 1)[0].strip()
        if not role_line or len(role_line.split()) > 10 or not self.lex.has_head(role_line):
            return None
        return self.lex.parse_role(role_line)

    def _owned_object_role(self, verb_role: str, seg: str) -> RoleParse | None:
        """The role in "who chairs the federation's governing board".

        A role verb whose object is a body's own board or committee, owned by a
        possessive ("the unit's management committee"), names no organisation of
        its own; the role is read as "chair of" the object, whose owner then
        refers back to the body named earlier. Only a short lower-case
        "the X's ..." object is taken, so a clause running on into other words
        names no role.
        """
        stop = self.lex.clause_end.search(seg)
        obj = seg[: stop.start()] if stop else seg
        obj = obj.strip(" ,")
        if not _OWNED_OBJECT.fullmatch(obj):
            return None
        parsed = self.lex.parse_role(f"{verb_role} of {obj}")
        if parsed is None or parsed.role is None:
            return None
        return parsed

    def _relative_org(self, seg: str) -> RoleParse | None:
        """The body in "who runs Little Owls", "who leads on exploitation for Vale Police".

        The clause says where the person works without a role noun; the
        organisation is the verb's object or follows its last "for"/"at". A
        short name ("Little Owls") is marked for the attribution step to
        expand to the article's full name of the body.
        """
        stop = self.lex.clause_end.search(seg)
        seg = self.lex.role_tail.sub("", seg[: stop.start()] if stop else seg).strip(" ,")
        if seg[:1].isupper() or seg.startswith("the "):
            body, prep = seg, "at"  # the whole object: "who runs Tanyard Lane Nursery"
        else:
            preps = list(self.lex.org_prep.finditer(seg))
            if not preps:
                return None
            body, prep = seg[preps[-1].end() :], preps[-1].group(1).lower()
        found = self.lex.match_org(body, prep) if body else None
        if found is None:
            return None
        if found.org:
            return RoleParse(None, found.org, f"name:{found.org}")
        return RoleParse(None, None, found.org_ref)

    def _table_label(self, text: str, start: int) -> RoleParse | None:
        """A report's table row: "Headteacher    Morfydd Trelawny", "Registered manager: Jo Lee"."""
        line_start = text.rfind("\n", max(0, start - 90), start) + 1
        if line_start == 0 and start > 90:
            return None  # a label is short: a row this long is prose
        # a footer or contact row of cells: "Headteacher: Jo Lee | SENCo: Sam Hart", where
        # each cell after a separator is a label of its own
        cell = max(text.rfind(sep, line_start, start) for sep in _CELL_SEPARATORS)
        if cell >= 0:
            line_start = cell + 2
        label = text[line_start:start]
        m = _TABLE_LABEL.fullmatch(label)
        if not m or not self.lex.has_head(m.group("label")) or len(m.group("label").split()) > 7:
            return None
        return self.lex.parse_role(m.group("label"))

    def _context(
        self, text: str, start: int, end: int, bare: bool
    ) -> tuple[RoleParse | None, int, bool]:
        """Role, lead and whether the sentence around a name marks it as a person."""
        after, form = self._after_role(text, start, end)
        cue = after is not None and (after.role is not None or form in ("org", "verb"))
        role = after
        lead = start
        before = text[max(0, start - 2) : start]
        if before.endswith("(") or before == "( ":
            inner = (
                self.lex.role_before(text, text.rfind("(", 0, start), False)
                if text[start - 1] == "("
                else None
            )
            if inner is None:
                paren_start = text.rfind("(", 0, start)
                lo = max(0, paren_start - 120)
                seg_start = (
                    max(
                        text.rfind(",", lo, paren_start),
                        text.rfind(":", lo, paren_start),
                        text.rfind("\n", lo, paren_start),
                        lo - 1,
                    )
                    + 1
                )
                seg = text[seg_start:paren_start]
                if seg_start > lo and text[seg_start - 1] == "," and not self.lex.has_head(seg):
                    # "Assistant Director, SEND and Inclusion (Jo Lane)": the role's head
                    # is in the piece before the comma, the department after it
                    before = text[max(lo, seg_start - 50) : seg_start - 1]
                    piece = _PIECES.split(before)[-1]
                    words = piece.split()
                    if 0 < len(words) <= 5 and self.lex.is_head(words[-1]):
                        seg_start -= len(piece) + 1
                        seg = text[seg_start:paren_start]
                if self.lex.has_head(seg) and len(seg.split()) <= 10:
                    parsed = self.lex.parse_role(seg)
                    if parsed:
                        inner = (parsed, seg_start + len(seg) - len(seg.lstrip()))
            if inner:
                role, lead, cue = _merge(role, inner[0]), inner[1], True
        else:
            # "Trustee chair the Rev Jo Lane": clergy and peers keep "the" before the honorific
            anchor = start - 4 if not bare and text[max(0, start - 4) : start] == "the " else start
            found = self.lex.role_before(text, anchor, comma=True)
            if form == "verb" and found is None:
                found = self.lex.role_before(text, anchor, comma=False)
            if form == "verb" and found is not None and found[0].role is not None:
                # "County councillor Jo Lane, who chairs the unit's committee": the
                # title before the name is the role; the clause adds a second post
                role = None
            if found and _AFTER_NAME.match(text[end : end + 3]):
                role, lead, cue = _merge(role, found[0]), found[1], True
            elif found is None:
                found = self.lex.role_before(text, anchor, comma=False)
                if found:
                    parsed = found[0]
                    if parsed.org is None and parsed.org_ref is None:
                        body = self._announcer(text, found[1])
                        if body is not None:
                            parsed = RoleParse(parsed.role, body, None)
                    role, lead, cue = _merge(role, parsed), found[1], True
        label = self._table_label(text, start)
        if label is not None and (role is None or role.role is None):
            role, cue = _merge(role, label), True
        if not cue:
            tail = text[end : end + 200]
            before_rev = text[max(0, start - 40) : start][::-1]
            cue = (
                bool(self.lex.speech_after.match(tail))
                or bool(self.lex.speech_before_rev.match(before_rev))
                or bool(self.lex.introducer_rev.match(before_rev))
                or (tail.startswith(", whose ") and bool(self.lex.kin_after.match(tail)))
            )
        return role, lead, cue or not bare

    # -- the passes ------------------------------------------------------------

    def find(
        self, text: str, skip: list[tuple[int, int]], known: set[tuple[int, int]] | None = None
    ) -> list[Mention]:
        """Every person mention in ``text`` outside the ``skip`` ranges, in order.

        ``known`` holds the character ranges of PERSON entities when a trained
        pipeline supplies them: a name there needs no other cue.
        """
        known = known or set()
        skip_starts = [s for s, _ in skip]
        taken: list[tuple[int, int]] = []

        contact_lines: dict[int, bool] = {}
        notes_at: dict[int, tuple[int, int]] = {}  # furniture block -> its notes to editors
        notes: list[tuple[int, int]] = []  # the notes blocks met, where a role is required

        def in_notes(i: int, pos: int) -> bool:
            if i not in notes_at:  # once per block, and only the blocks a name falls in
                notes_at[i] = self._notes_block(text, *skip[i])
                if notes_at[i][0] < notes_at[i][1]:
                    notes.append(notes_at[i])
            lo, hi = notes_at[i]
            return lo <= pos < hi

        def skipped(pos: int) -> bool:
            i = bisect_right(skip_starts, pos) - 1
            if not (i >= 0 and skip[i][0] <= pos < skip[i][1]):
                return False
            if in_notes(i, pos):
                # "Notes to editors / 4. Jo Lane, Ofsted's National Director, will ...": the
                # block is page furniture, but a person it names with a role is read
                return False
            # a press contact at the foot of a release sits in the page furniture but is
            # a named person with a role: "For media enquiries contact Jo Lane, Press Officer"
            line_start = text.rfind("\n", 0, pos) + 1
            if line_start not in contact_lines:
                line_end = text.find("\n", pos)
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                contact_lines[line_start] = bool(self.lex.contact_cue.search(line))
            # so is a staff list in a school page's footer, a role label before each name:
            # "Headteacher: Mrs Jo Lane | SENCo: Mr S. Hart"
            return not contact_lines[line_start] and self._table_label(text, pos) is None

        mentions: list[Mention] = []
        for m in self.lex.honorific_re.finditer(text):
            if skipped(m.start()):
                continue
            words = self._trim_name(m.group("name").split(" "), strict=False, initials=True)
            if words is None:
                continue
            name = " ".join(words)
            name_start = m.start("name")
            end = name_start + len(name)
            hon = " ".join(m.group("hon").replace(".", "").split())
            role, lead, _ = self._context(text, m.start(), end, bare=False)
            mentions.append(
                Mention(
                    m.start(),
                    end,
                    name_start,
                    name,
                    hon,
                    *_role_fields(role),
                    lead=lead,
                    form="honorific",
                )
            )
            taken.append((m.start(), end))
        taken.sort()
        starts = [s for s, _ in taken]

        def overlaps(a: int, b: int) -> bool:
            i = bisect_right(starts, b) - 1
            return i >= 0 and taken[i][1] > a

        headline_lines: dict[int, bool] = {}
        for m in self.lex.run_re.finditer(text):
            if overlaps(m.start(), m.end()) or skipped(m.start()):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start not in headline_lines:
                line_end = text.find("\n", m.start())
                headline_lines[line_start] = _headline(
                    text[line_start : line_end if line_end >= 0 else len(text)]
                )
            if headline_lines[line_start] and not (
                # an attendee list's title-case "Jo Lane - Head of Quality Assurance"
                not text[line_start : m.start()].strip(_LINE_MARKS)
                and _DASH_AFTER.match(text[m.end() : m.end() + 120])
                and _in_list(text, m.start())
            ):
                continue
            owned = text[m.start() - 3 : m.start()].endswith(("'s ", "’s ", "s' ", "s’ "))
            if owned:
                owner = _OWNER_BEFORE.search(text, max(0, m.start() - 40), m.start())
                owned = (
                    owner is not None
                    and _norm_word(owner.group(1)) in self.lex.collective_possessives
                )
            for start, words in self._name_parts(m.start(), m.group().split(" ")):
                if owned and start == m.start():
                    continue  # "Children's Rights Watch": the run goes on an organisation's name
                name = " ".join(words)
                end = start + len(name)
                role, lead, cue = self._context(text, start, end, bare=True)
                if not cue and (start, end) not in known:
                    continue
                mentions.append(
                    Mention(
                        start, end, start, name, None, *_role_fields(role), lead=lead, form="name"
                    )
                )
        mentions.extend(self._first_names(text, skipped))
        mentions.extend(self._given_names(text, mentions, skipped))
        mentions.extend(self._shared_surnames(text, mentions, skipped))
        mentions.sort(key=lambda x: x.start)
        mentions = self._repeats(text, mentions, skipped)
        self._short_orgs(text, mentions)
        if notes:
            mentions = [
                m
                for m in mentions
                if m.role is not None or not any(lo <= m.start < hi for lo, hi in notes)
            ]
        return mentions

    def _short_orgs(self, text: str, mentions: list[Mention]) -> None:
        """Split "chief executive of Lanthorn" when the article names "Lanthorn Education Trust"
        ("director of Threefold Care" and "Threefold Care Ltd": up to three words).

        One capitalised word after "of" is as often a subject or a remit ("head of
        Maths") as a body's short name, so the role keeps it unless a body named in
        the article starts with that word: then the role is "chief executive" and
        the organisation the body's full name. Few roles end so; the text is
        searched only for those.
        """
        for m in mentions:
            if m.role is None or m.org is not None or m.org_ref is not None:
                continue
            if " of " not in m.role:
                continue
            split = _SHORT_ORG_ROLE.fullmatch(m.role)
            if split is None or not self.lex.has_head(split.group("role")):
                continue
            short = split.group("short")
            words = short.split(" ")
            low = words[0].lower()
            if (
                low in self.lex.generic
                or low in self.lex.not_orgs
                or low in self.lex.function
                or any(self.lex.is_head(word) for word in words)
            ):
                continue  # "head of Maths", "Head of Early Years": a remit, not a body
            for run in re.finditer(rf"(?<![\w'’&.-]){re.escape(short)}(?=[ ])", text):
                full = self.lex.org_mention_re.match(text, run.start())
                found = self._org_name(full.group(0)) if full else None
                if found is not None and found[0].startswith(short + " "):
                    m.role, m.org = split.group("role"), found[0]
                    break

    def _notes_block(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Where a furniture block's notes to editors run: from the line after their
        heading to the next heading of another kind ("Comments", "Related links") or the
        block's end. An empty range when the block has no such heading."""
        head = self.lex.notes_heading.search(text, start, end)
        if head is None:
            return (end, end)
        stop = self.lex.notes_end.search(text, head.end(), end)
        return (head.end(), stop.start() if stop else end)

    def _first_names(self, text: str, skipped: Any) -> list[Mention]:
        """A lay role before a first name alone: "Adopter Jo, who ..., said", "mum Eira said"."""
        out: list[Mention] = []
        roles = self.lex.first_name_roles
        for m in self.lex.first_name_re.finditer(text):
            name = m.group()
            if not self.lex.name_word_ok(name) or skipped(m.start()):
                continue
            before = _BLANKS.sub(" ", text[max(0, m.start() - 40) : m.start()]).split(" ")
            role = None
            for size in (2, 1):  # "foster carer Sam", "mum Sam"
                words = before[-1 - size : -1]
                if len(words) == size and " ".join(words).lower() in roles:
                    role = " ".join(words)
                    break
            if role is None:
                continue
            lead = m.start() - len(role) - 1
            group = _YEAR_GROUP_BEFORE.search(text, max(0, lead - 16), lead)
            if group:  # "Year 6 pupil Amara": the year group is part of the role
                role = f"{group.group(1)} {role}"
                lead = group.start(1)
            if lead > 0 and _WORDISH.match(text, lead - 1):
                continue
            out.append(
                Mention(lead, m.end(), m.start(), name, role=role, lead=lead, form="first name")
            )
        return out

    def _shared_surnames(self, text: str, mentions: list[Mention], skipped: Any) -> list[Mention]:
        """The first of two given names that share a surname: "Winston" in "foster carers
        Winston and Folasade Maccabe" is Winston Maccabe.

        The given name must stand alone: not after another capitalised word ("Jo
        Lane and Sam Reed", "Ms Lane and Sam Reed"), where it would be a surname of
        its own. A role before the pair ("Foster carers") is both people's.
        """
        out: list[Mention] = []
        for m in mentions:
            if m.start < 5 or text[m.start - 5 : m.start] != " and " or " " not in m.name:
                continue
            given = _GIVEN_AND.search(text, max(0, m.start - 40), m.start)
            if given is None:
                continue
            word = given.group(1)
            g_start, g_end = given.span(1)
            if not (self.lex.name_word_ok(word) and _is_full(word)) or skipped(g_start):
                continue
            before = text[max(0, g_start - 40) : g_start]
            capital = _CAPITAL_WORD_BEFORE.search(before)
            if capital and (
                not _LAST_HARD_BREAK_END.search(before)
                or _norm_word(capital.group().strip()) in self.lex.honorific_words
            ):
                continue  # "Jo Lane and Sam Reed": the word is a surname of its own
            surname = m.name.split(" ", 1)[1]
            role = self.lex.role_before(text, g_start, comma=False)
            lead = g_start
            if role is not None:
                lead = role[1]
                if m.role is None:
                    m.role, m.org, m.org_ref = _role_fields(role[0])
                    m.lead = min(m.lead, lead)
            elif m.role is None:
                continue  # nothing says the pair are people with a role of their own
            out.append(
                Mention(
                    g_start,
                    g_end,
                    g_start,
                    f"{word} {surname}",
                    None,
                    *_role_fields(role[0] if role else None),
                    lead=lead,
                    form="shared surname",
                )
            )
        return out

    def _given_names(self, text: str, mentions: list[Mention], skipped: Any) -> list[Mention]:
        """The full name of someone otherwise called only "Ms Lane": "Maisie Lane, who ...".

        A sentence may open with a person's two names and nothing else to say
        it is a person; once an honorific has shown the surname is a person's,
        a capitalised word before it is the given name. A place or a body that
        ends in the same word ("in Tannery Lane", "Lane Academy") is not taken.
        """
        surnames = {
            m.name for m in mentions if m.honorific and " " not in m.name and len(m.name) > 1
        }
        if not surnames or len(surnames) > 100:
            return []
        spans = sorted((m.start, m.end) for m in mentions)
        starts = [a for a, _ in spans]
        out: list[Mention] = []
        for surname in sorted(surnames):
            pos = text.find(" " + surname)
            while pos >= 0:
                end = pos + 1 + len(surname)
                nxt = pos + 1
                after = text[end : end + 2]
                given = _GIVEN_BEFORE.search(text, max(0, pos - 40), pos)
                if (
                    given
                    and not (after[:1] and _WORDISH.match(after))
                    and not (after[:1] == " " and after[1:2].isupper())
                    and self.lex.name_word_ok(given.group())
                    and not _PLACE_BEFORE.search(text, max(0, given.start() - 8), given.start())
                    and not skipped(given.start())
                ):
                    i = bisect_right(starts, end) - 1
                    if not (i >= 0 and spans[i][1] > given.start()):
                        name = text[given.start() : end]
                        out.append(
                            Mention(
                                given.start(),
                                end,
                                given.start(),
                                name,
                                lead=given.start(),
                                form="given",
                            )
                        )
                pos = text.find(" " + surname, nxt)
        return out

    def _name_parts(self, start: int, words: list[str]) -> list[tuple[int, list[str]]]:
        """The names inside a capitalised run: "Fenwold South Marta Quill" -> "Marta Quill".

        A group of name-shaped words that runs straight into an organisation or
        place word ("Ollerton Beck Primary School", "Little Puffins Nurseries") is
        part of that body's name, not a person's. Of three or more name words
        the last two are kept: the words before them are usually a place or
        title run into the name ("Labour MP for Fenwold Marta Quill").
        """
        ok = self.lex.name_word_ok
        if len(words) == 2:
            first, last = words
            if ok(first) and _is_full(first) and ok(last) and _is_full(last):
                return [(start, words)]  # the common case: "Jo Lane"
        # a pure function of the words: kept by the run's text, with offsets from its start
        key = " ".join(words)
        parts = self._parts.get(key)
        if parts is None:
            parts = self._split_run(words)
            if len(self._parts) < 20_000:
                self._parts[key] = parts
        return [(start + offset, list(name)) for offset, name in parts]

    def _split_run(self, words: list[str]) -> list[tuple[int, list[str]]]:
        """:meth:`_name_parts` of a run starting at offset 0."""
        start = 0
        out: list[tuple[int, list[str]]] = []
        group: list[str] = []
        group_start = start
        pos = start
        for word in [*words, ""]:
            if word and self.lex.name_word_ok(word):
                if not group:
                    group_start = pos
                group.append(word)
            else:
                absorbed = bool(word) and _norm_word(word) not in self.lex.function
                if group and not absorbed:
                    keep = self._trim_name(group, strict=True)
                    if keep:
                        drop = 0
                        while sum(1 for w in keep[drop:] if _is_full(w)) > 2:
                            drop += 1
                        while (
                            drop < len(keep)
                            and not _is_full(keep[drop])
                            and not _INITIAL_RE.fullmatch(keep[drop])
                        ):
                            drop += 1
                        offset = sum(len(w) + 1 for w in keep[:drop])
                        out.append((group_start + offset, keep[drop:]))
                group = []
            pos += len(word) + 1
        return out

    def _repeats(self, text: str, mentions: list[Mention], skipped: Any) -> list[Mention]:
        """Later bare mentions of a full name already found ("in a letter to Jo Lane")."""
        names = sorted(
            {m.name for m in mentions if len(m.name.split()) >= 2}, key=len, reverse=True
        )
        if not names or len(names) > 300:
            return mentions
        spans = sorted((m.start, m.end) for m in mentions)
        starts = [s for s, _ in spans]
        # every place a name is written out, then left to right and longest first without
        # overlaps, as one regex over all the names would read them
        found: list[tuple[int, int, str]] = []
        for name in names:
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                if not (pos and _WORDISH.match(text, pos - 1)) and not _WORD_OR_HYPHEN.match(
                    text, end
                ):
                    found.append((pos, -end, name))
                pos = text.find(name, pos + 1)
        found.sort()
        out = list(mentions)
        reach = 0
        for start, neg_end, name in found:
            end = -neg_end
            if start < reach:
                continue
            reach = end
            i = bisect_right(starts, end) - 1
            if (i >= 0 and spans[i][1] > start) or skipped(start):
                continue
            out.append(Mention(start, end, start, name, lead=start, form="repeat"))
        out.sort(key=lambda x: x.start)
        return out

    def _org_runs(self, text: str, heads: list[int]) -> list[re.Match[str]]:
        """The matches of ``org_mention_re`` over the text on the lines that hold a head.

        A capitalised run never crosses a line end (its words are joined by spaces
        only) and the pattern looks at nothing outside its match but the character
        before a word, which a scan from the line's start still sees; so scanning
        each such line yields exactly the runs a scan of the whole text finds there,
        and the lines without an organisation word are not read at all.
        """
        run = self.lex.org_mention_re
        out: list[re.Match[str]] = []
        line_end = -1
        for head in heads:
            if head < line_end:
                continue  # that line is done
            line_start = text.rfind("\n", 0, head) + 1
            line_end = text.find("\n", head)
            if line_end < 0:
                line_end = len(text)
            out.extend(run.finditer(text, line_start, line_end))
        return out

    def _org_name(self, run: str) -> tuple[str, bool] | None:
        """The organisation a capitalised run names, and whether it ends the run, or None.

        A pure function of the run's words, and a body is named again and again
        (within an article and across articles): the answers are kept, up to a bound.
        """
        if run in self._org_names:
            return self._org_names[run]
        words = run.split("(")[0].split()
        got: tuple[str, bool] | None = None
        # cut after the last organisation word ("Ashwold Council Leader")
        last = None
        for i, w in enumerate(words):
            if _norm_word(w) in self.lex.org_heads:
                last = i
        if last is not None:
            while words and _norm_word(words[0]) in ("the", "a", "an"):
                words = words[1:]
                last -= 1
            if last >= 0:
                name = _clean_org(" ".join(words[: last + 1]))
                if (
                    name
                    and self.lex.is_org(name, None, False)
                    and not (len(name.split()) == 1 and _norm_word(name) in self.lex.weak_heads)
                ):
                    got = (name, last == len(words) - 1)
        if len(self._org_names) < 20_000:
            self._org_names[run] = got
        return got

    def organisations(self, text: str) -> list[tuple[int, int, str, str | None]]:
        """Capitalised organisation names in the text: (start, end, name, acronym)."""
        out: list[tuple[int, int, str, str | None]] = []
        # most capitalised runs hold no organisation word: skip them without a Python loop
        heads = [m.start() for m in self.lex.org_head_re.finditer(text)]
        if not heads:
            return out
        n_heads = len(heads)
        for m in self._org_runs(text, heads):
            m_start, m_end = m.span()
            k = bisect_left(heads, m_start)
            if k == n_heads or heads[k] >= m_end:
                continue
            found = self._org_name(m.group(0))
            if found is None:
                continue
            name, at_end = found
            start = text.find(name, m_start, m_end)
            if start < 0:
                continue
            acronym = m.group("acr") if at_end else None
            out.append((start, start + len(name), name, acronym))
        return out


def _headline(line: str) -> bool:
    """A title-case line ("Head Praises Staff After Ofsted Visit"): no bare names are read in it."""
    if "," in line or "(" in line or ":" in line or _SPACE_COLUMN.search(line.strip()):
        return False  # officer lists, labels and appositions are title-case without being headlines
    if len(line.split()) > 16:
        return False
    words = [w for w in _LATIN_WORD.findall(line) if len(w) >= 4]
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)


def _in_list(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` is one of a list of "Name - Role" lines.

    The line under a label ("Also present:", "Media contacts:") or beside another
    line with a spaced dash. A lone "Jo Lane - Head Praises Staff" is a headline.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    prev_end = line_start - 1
    prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1 : max(prev_end, 0)].strip()
    if prev.endswith(":") or _SPACED_DASH.search(prev):
        return True
    line_end = text.find("\n", pos)
    if line_end < 0:
        return False
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    return bool(_SPACED_DASH.search(following))


def _role_fields(role: RoleParse | None) -> tuple[str | None, str | None, str | None]:
    if role is None:
        return None, None, None
    return role.role, role.org, role.org_ref


def _merge(first: RoleParse | None, second: RoleParse) -> RoleParse:
    """Role from whichever form gives one; organisation likewise (the first form wins)."""
    if first is None:
        return second
    return RoleParse(
        first.role or second.role, first.org or second.org, first.org_ref or second.org_ref
    )


_ACRONYM = re.compile(r"(?:the )?[A-Z][A-Za-z&]{1,7}")


def _needs_orgs(m: Mention) -> bool:
    """Whether a mention's organisation must be looked up among the article's bodies.

    "the council's", "its" and a short name ("Corvell managing director") are
    resolved against the organisations the article names, and so is an
    acronym ("at the ICB"); a name written out in full is not.
    """
    return bool(m.org_ref) or (m.org is not None and bool(_ACRONYM.fullmatch(m.org)))


def _boilerplate_ranges(doc: Doc) -> list[tuple[int, int]]:
    return furniture_pairs(doc)


#: Where the component keeps what it found, as plain rows (``doc.user_data`` must stay
#: serialisable): [span start_char, span end_char, Mention.to_dict()] for each span of
#: ``doc.spans["people"]``, and [start_char, end_char, org dict] for ``"people_orgs"``,
#: in the groups' order.
PEOPLE_KEY = "ofsted_extract.people"
ORGS_KEY = "ofsted_extract.people_orgs"
#: Each doc's span groups as the component made them, with the id of their rows.
_GROUPS: weakref.WeakKeyDictionary[Doc, dict[str, tuple[Any, int]]] = weakref.WeakKeyDictionary()
#: Each doc's rows by span offsets, made on the first extension lookup.
_INDEX: weakref.WeakKeyDictionary[Doc, dict[str, tuple[int, dict[tuple[int, int], Any]]]] = (
    weakref.WeakKeyDictionary()
)


def _rows(doc: Doc, group: str, key: str) -> list[list[Any]] | None:
    """The component's rows for ``doc.spans[group]``, if the group is still the one it made."""
    made = _GROUPS.get(doc)
    held = made.get(group) if made is not None else None
    rows = doc.user_data.get(key)
    if held is None or not isinstance(rows, list) or id(rows) != held[1]:
        return None
    spans = doc.spans.get(group)
    if spans is not held[0] or len(spans) != len(rows):
        return None  # the group was replaced or changed since the component made it
    return rows


def _dicts(doc: Doc, group: str, key: str, ext: str) -> list[Any]:
    rows = _rows(doc, group, key)
    if rows is not None:
        return [row[2] for row in rows]
    return [span._.get(ext) for span in doc.spans.get(group, [])]


def mention_dicts(doc: Doc) -> list[dict[str, Any] | None]:
    """``span._.ofsted_person`` of each span in ``doc.spans["people"]``, in order.

    Read from the component's rows, without making a Span per mention, when the
    group is still the one the component made; otherwise from the spans.
    """
    return _dicts(doc, "people", PEOPLE_KEY, "ofsted_person")


def org_dicts(doc: Doc) -> list[dict[str, Any] | None]:
    """``span._.ofsted_org`` of each span in ``doc.spans["people_orgs"]``, in order."""
    return _dicts(doc, "people_orgs", ORGS_KEY, "ofsted_org")


def _row_getter(key: str) -> Any:
    """A span extension's getter: the data of the component's row with the span's offsets."""

    def get(span: Span) -> Any:
        doc = span.doc
        rows = doc.user_data.get(key)
        if not isinstance(rows, list):
            return None
        start, end = span.start_char, span.end_char
        if len(rows) <= 16:  # a few rows: looking through them beats keeping an index
            for row in rows:
                if row[0] == start and row[1] == end:
                    return row[2]
            return None
        index = _INDEX.setdefault(doc, {})
        held = index.get(key)
        if held is None or held[0] != id(rows):
            held = (id(rows), {(int(r[0]), int(r[1])): r[2] for r in rows})
            index[key] = held
        return held[1].get((start, end))

    return get


for _ext, _key in (("ofsted_person", PEOPLE_KEY), ("ofsted_org", ORGS_KEY)):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, getter=_row_getter(_key))


class People:
    """The ``ofsted_people`` component: person mentions and organisation names as spans."""

    def __init__(self, lex: Lexicon) -> None:
        self.finder = PeopleFinder(lex)

    def __call__(self, doc: Doc) -> Doc:
        text = plain_text(doc)
        known = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
        mentions = self.finder.find(text, _boilerplate_ranges(doc), known)
        spans: list[Span] = []
        rows: list[list[Any]] = []
        seen: set[tuple[int, int]] = set()
        for mention in mentions:
            span = doc.char_span(
                mention.start, mention.end, label="PERSON", alignment_mode="expand"
            )
            if span is None or (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            rows.append([span.start_char, span.end_char, mention.to_dict()])
            spans.append(span)
        orgs: list[Span] = []
        org_rows: list[list[Any]] = []
        seen = set()
        needed = any(_needs_orgs(m) for m in mentions)
        for start, end, name, acronym in self.finder.organisations(text) if needed else []:
            span = doc.char_span(start, end, label="ORG", alignment_mode="expand")
            if span is None or (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            data = {"start": start, "end": end, "name": name, "acronym": acronym}
            org_rows.append([span.start_char, span.end_char, data])
            orgs.append(span)
        doc.spans["people"] = spans
        doc.spans["people_orgs"] = orgs
        doc.user_data[PEOPLE_KEY] = rows
        doc.user_data[ORGS_KEY] = org_rows
        _GROUPS[doc] = {
            "people": (doc.spans["people"], id(rows)),
            "people_orgs": (doc.spans["people_orgs"], id(org_rows)),
        }
        return doc


def build_lexicon() -> Lexicon:
    """The compiled rules of people.json, with the speech verbs of quotes.json."""
    return Lexicon(rules.load("people"), rules.load("quotes"))


@functools.cache
def shared_lexicon() -> Lexicon:
    """The one lexicon of the process: the component's, and the attribution step's when it
    reads a role given only in a speech tag (compiling the rules twice costs start-up)."""
    return build_lexicon()


@Language.factory("ofsted_people")
def make_people(nlp: Language, name: str) -> People:
    return People(shared_lexicon())
