"""Word classes of English the rules share, each defined once, with its source.

A rule that needs only part of a class takes a selection of it (``PREPOSITIONS - {...}``,
``selection(CLOSED_CLASS, "...")``) and says why; it never keeps a list of its own.

Sources: the closed classes (articles, determiners, pronouns, conjunctions, auxiliaries,
prepositions) are those of *The Cambridge Grammar of the English Language* (Huddleston and
Pullum, 2002: ch. 5 determinatives, ch. 6 pronouns, ch. 7 prepositions, ch. 15
coordination) as Merriam-Webster's entries for each word label it; honorifics and titles
follow the AP Stylebook entries "courtesy titles", "titles" and "military titles".
"""
from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def selection(cls: frozenset[str], text: str) -> frozenset[str]:
    """The words of `text`, each of which must belong to `cls`: a rule's part of a class."""
    chosen = words(text)
    stray = chosen - cls
    if stray:
        raise ValueError(f"not in the class: {sorted(stray)}")
    return chosen


# -- determiners and pronouns ------------------------------------------------------------------
ARTICLES = words("a an the")
DEMONSTRATIVES = words("this that these those")
POSSESSIVE_DETERMINERS = words("my your his her its our their")
# articles, demonstratives, possessives, quantifiers and wh-determiners
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | words(
    "some any each every no another such what which whose either neither")
SUBJECT_PRONOUNS = words("i you he she it we they")
OBJECT_PRONOUNS = words("me you him her it us them")
WH_WORDS = words("who whom whose which what when where why how")

# -- conjunctions and auxiliaries ----------------------------------------------------------------
COORDINATORS = words("and but or nor for so yet")
BE_FORMS = words("am is are was were be been being")
HAVE_FORMS = words("has have had having")
DO_FORMS = words("do does did doing")
MODALS = words("will would shall should can could may might must")
# a subject pronoun agrees with these forms (CGEL ch. 3, "person and number")
THIRD_PERSON_SINGULAR = words("he she it")
PLURAL_PERSONS = words("they we you")

# -- prepositions --------------------------------------------------------------------------------
# single-word prepositions
PREPOSITIONS = words("""about above across after against along amid among around at before behind below
beside besides between beyond by despite down during for from in into near of off on onto out over per
since through to toward towards under until up upon via with within without""")
# prepositions that are also the adverb particles of phrasal verbs ("check in", "log on",
# "give up"; Merriam-Webster lists each as an adverb)
PARTICLES = selection(PREPOSITIONS, "in on up out over off down")

# -- the closed class ----------------------------------------------------------------------------
# grammar words: determiners, pronouns, conjunctions, auxiliaries, the commonest prepositions
# and a few adverbs (then, there, not)
CLOSED_CLASS = (ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | WH_WORDS
                | COORDINATORS | BE_FORMS | HAVE_FORMS | DO_FORMS | MODALS
                | words("all both some any no every each such mine while as than then there not")
                | selection(PREPOSITIONS, """of to in on at by with from into onto upon about above below over
                            under between among through during before after since until"""))
# words whose choice is free almost anywhere: the closed class, numbers, quantifiers and very
# general words ("said", "time"); the statistical word-choice rules do not judge them
FUNCTION_WORDS = CLOSED_CLASS | words("""yes one two three many much more most few less least other another either
neither same own only just also very too quite rather said says say saying told tell new last first next year
years time times per""")

# -- people --------------------------------------------------------------------------------------
# words that stand before a personal name: courtesy titles, offices, ranks, clergy, family
HONORIFICS = words("""mr mrs ms miss dr prof sir dame lord lady president mayor governor gov senator sen
representative rep judge justice minister secretary general gen colonel col captain capt sergeant sgt
officer chief king queen prince princess pope bishop rabbi imam father sister brother saint st uncle aunt
coach director chairman chairwoman chair professor doctor detective inspector commissioner sheriff""")
# formal titles capitalised directly before a name and lower case elsewhere (AP "titles"),
# with their abbreviations
TITLES = ("president", "vice president", "senator", "sen.", "governor", "gov.", "mayor", "prime minister",
          "chancellor", "secretary of state", "pope", "king", "queen", "judge", "justice", "chief justice",
          "representative", "rep.", "general", "gen.", "ambassador", "minister", "premier", "councilman",
          "councilwoman", "superintendent", "commissioner", "attorney general", "speaker")
# particles of surnames (van Gogh, de la Cruz, al-Assad, St John)
SURNAME_PARTICLES = words("van von de del della di da le la al el st")
