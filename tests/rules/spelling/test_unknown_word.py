"""spelling/unknown-word: typos and misspellings, news-aware. Written for this project."""
from __future__ import annotations

from conftest import rule_tables

from newslint.api import assert_flags, lint_with
from newslint.rules.spelling.unknown_word import UnknownWord

# (text, the spans reported, in order)
FLAG = [
    ("Outages are aggravanding the humanitarian issues.", "aggravanding"),
    ("We recieve reports. Teh minister spoke. The Goverment agreed.", "recieve", "Teh", "Goverment"),
    # slips inside the title-cased names of institutions, which a name would not be
    ("The Chief Finacial Officer wrote to the Offic of Systems Integration about the "
     "Quality Assurance Surveilence Plan.", "Finacial", "Offic", "Surveilence"),
    # a misspelling repeated in a story is reported at every use (#12)
    ("The goverment said the goverment would act. A goverment spokesman agreed.",
     "goverment", "goverment", "goverment"),
    ("They decided to seperate the two offices. The seperate budgets were approved.", "seperate", "seperate"),
    ("He will definately attend. She will definately not.", "definately", "definately"),
    ("Did you recieve it? We recieve many letters.", "recieve", "recieve"),
    ("It occured in May. Nothing like it occured before.", "occured", "occured"),
    ("Goverment officials met on Monday. Goverment sources said so.", "Goverment", "Goverment"),
    # a tripled letter is a slip, however the word is otherwise explained
    ("Their successs was brief.", "successs"),
    # regular forms of function words are slips, not words ("withs" is not with + s)
    ("Users with many withs were counted.", "withs"),
    # a word in another word's hyphenated compound is still prose
    ("This largely mixted-raced nation voted.", "mixted"),
    # a capitalised word no corpus has seen, one edit from a well-known name or word
    ("Officials in Pittsburgj said the Pentagn and Microsft agreed.", "Pittsburgj", "Pentagn", "Microsft"),
    # also a rare surname of the census, when the name it is one edit from is a thousand times as common
    ("The plant near Clevland closed.", "Clevland"),
]
CLEAN = [
    # names, acronyms, compounds, numbers, URLs, handles, hashtags, contractions
    ("President-elect Donald Trump met Volodymyr Zelenskyy in Kyiv. The ATACMS and NATO "
     "counter-offensives, long-range missiles and Russia\u2019s gains in human rights\u2019 reports "
     "drew 50,000 soldiers, the 3rd brigade and $4.5bn. Email press@example.org or see "
     "www.example.com, @newsdesk and #breaking. Smartphone apps aren't new; they'll stay."),
    # a name used twice is the story's own vocabulary
    "Ms Axani spoke first. Later, Axani said the plan was sound.",
    # names used once
    "Ann Francke spoke. Later Liz Mair and Robin Tutcher joined Professor Sajiv Singh, and Daniel Gimeno-Traver won.",
    # a repeated name or term is still accepted (#12)
    "The team moved the site to cloudgov. Later, cloudgov grew quickly.",
    "Zelenskyy met the aides. Zelenskyy said the talks went well.",
    "The app uses geofencing. With geofencing, alerts reach nearby phones.",
    # regular inflections and derivations of known words (morphology)
    "The redactors filed fewer complaints about unmissable, rebookable and overregulated plans.",
    # a number with letters after it is a number and a word, not a unit and a fragment
    "The fund is worth \u00a354.7million and 5km of road.",
    # a person: a first name the census knows, then an unknown surname
    "Officials said Miatta Fahnbulleh would lead.",
    # names one edit from a well-known one that are common enough themselves (Parris), or that the story uses again
    "The singer Parris Goebel spoke. Later Pentagn Labs, the firm Pentagn owns, agreed.",
]


test_flags, test_leaves_alone = rule_tables(UnknownWord, FLAG, CLEAN)


def test_a_typo_has_ranked_suggestions():
    (d,) = assert_flags(UnknownWord, "Outages are aggravanding the humanitarian issues.\n", "aggravanding")
    assert d.suggestions[0] == "aggravating"


def test_the_newsroom_dictionary_accepts_words():
    assert_flags(UnknownWord, "The frobnicator broke. The frobnicatr broke.\n", "frobnicatr",
                 dictionary=frozenset({"frobnicator"}))


def test_dictionary_files_named_in_configuration(tmp_path):
    (tmp_path / "words.dic").write_text("# newsroom words\nfrobnicator\n")
    (tmp_path / "newslint.toml").write_text('dictionary = ["words.dic"]\nselect = ["spelling"]\n')
    story = tmp_path / "story.txt"
    story.write_text("The frobnicator broke. The frobnicatr broke.\n")
    from newslint import lint_paths

    assert [d.column for d in lint_paths([str(story)]).diagnostics] == [28]


def test_a_warning_only_on_the_band_measured_right_four_times_in_five():
    def levels(text):
        return {d.message.split("'")[1]: d.severity.value for d in lint_with(UnknownWord, text + "\n")}

    # unseen by any corpus and one edit from a word the story uses; or a misspelling's classic shape
    assert levels("Costs are aggravatng. Nothing is aggravating.") == {"aggravatng": "warning"}
    assert levels("The infromation was late.") == {"infromation": "warning"}
    assert levels("Their successs was brief.") == {"successs": "warning"}
    # not interjections or a capitalised name's tripled letter
    assert levels("Hmmm, they said. See Dribbble for ideas.") in ({}, {"Dribbble": "info"})
    # an unknown word without that evidence is a note: on published copy most are names and jargon
    assert levels("Costs are aggravatng.") == {"aggravatng": "info"}
    # a well-known name misspelled once: a note, and a warning where the story spells it right elsewhere
    assert levels("Officials in Pittsburgj met.") == {"Pittsburgj": "info"}
    assert levels("Pittsburgh voted. Officials in Pittsburgj met.") == {"Pittsburgj": "warning"}


def test_a_word_also_in_the_storys_links_or_code_is_a_term():
    md = "The team uses [frobnicator](https://example.org/frobnicator) daily.\n"
    assert lint_with(UnknownWord, md, fmt="markdown") == []
    assert [d.message for d in lint_with(UnknownWord, "The team uses frobnicator daily.\n")] != []


def test_a_sentence_in_another_language_is_not_spell_checked():
    text = ("The minister opened the centre. Mae'r ganolfan newydd yn agor heddiw i bawb yn y dref. "
            "The goverment paid.\n")
    assert [d.message.split("'")[1] for d in lint_with(UnknownWord, text)] == ["goverment"]
