"""News style rules: for each, sentences it must flag (with the text it points at) and
sentences it must leave alone. Written for this project."""
from __future__ import annotations

import pytest

from conftest import at, lint
from newslint.api import assert_fixed
from newslint.rules.punctuation.apostrophe import Apostrophe
from newslint.rules.punctuation.doubled import DoubledPunctuation
from newslint.rules.punctuation.spacing import Spacing


def found(text: str, rule: str, dialect: str = "en-US", fmt: str = "plain") -> list[str]:
    return [at(text, d) for d in lint(text, fmt=fmt, select=[rule], dialect=dialect)]


def check_group(rule: str, flag: list[tuple[str, str]], clean: list[str], dialect: str = "en-US") -> None:
    for text, expected in flag:
        assert expected in found(text + "\n", rule, dialect), (rule, text)
    for text in clean:
        assert found(text + "\n", rule, dialect) == [], (rule, text)


# --- style/numbers ---------------------------------------------------------------------------

NUMBERS_FLAG = [
    ("The council hired 3 new officers last year.", "3"),
    ("Police arrested 7 men after the match.", "7"),
    ("She has written 2 books about the war.", "2"),
    ("The storm destroyed 9 homes in the valley.", "9"),
    ("Officials said 4 schools would close.", "4"),
    ("The team lost fifteen games in a row.", "fifteen"),
    ("About twenty-five people attended the vigil.", "twenty-five"),
    ("The bill passed with thirty votes to spare in the house.", "thirty"),
    ("12 people died in the crash.", "12"),
    ("150 protesters gathered outside.", "150"),
    ("Turnout rose by 5 percent in the city.", " percent"),
    ("Prices fell 3 per cent last month.", " per cent"),
    ("The city expects 25000 visitors.", "25000"),
    ("The project cost $4,500,000 to build.", "$4,500,000"),
    ("The fund lost $2,000,000,000 last year.", "$2,000,000,000"),
]
NUMBERS_CLEAN = [
    "The council hired three new officers last year.",
    "The boy, 5, was unhurt.",
    "Unemployment rose to 5% in March.",
    "The bridge is 9 feet high.",
    "The meeting starts at 7 p.m. on Monday.",
    "They won 3-2 after extra time.",
    "The tax rose by 4 million dollars.",
    "Turn onto Route 9 and follow the signs.",
    "It cost $5 to enter.",
    "Chapter 4 describes the trial.",
    "The vote was held on Sept. 5 in the capital.",
    "In 2019 the council approved the plan.",
    "2019 was the warmest year on record.",
    "Between 5 and 12 inches of snow fell.",
    "Fifteen people were injured in the blast.",
    "The city expects 25,000 visitors.",
    "He said: “We need 3 more days.”",
]


def test_numbers():
    check_group("style/numbers", NUMBERS_FLAG, NUMBERS_CLEAN)


def test_numbers_percent_option_and_preset_none(tmp_path):
    (tmp_path / "newslint.toml").write_text('[style]\npreset = "none"\n[rules."style/numbers"]\npercent = "percent"\n')
    story = tmp_path / "s.txt"
    story.write_text("Prices rose 5% and 3 shops shut.\n")
    from newslint import lint_paths

    diags = lint_paths([str(story)], select=["style/numbers"]).diagnostics
    assert [d.message for d in diags] == ["House style writes 'percent' after a figure, not '%'"]


# --- style/dates -------------------------------------------------------------------------------

DATES_FLAG = [
    ("The vote is on Tuesday, Oct. 10, 2018, in the capital.", "Tuesday"),
    ("It opened on Friday, July 4, 2020, to crowds.", "Friday"),
    ("The trial began on December 2nd in Boston.", "December 2nd"),
    ("The law takes effect January 1.", "January 1"),
    ("Voting ends September 30 at noon.", "September 30"),
    ("The festival opens Aug 3 in the park.", "Aug 3"),
    ("The court meets Mar. 3 to hear the case.", "Mar. 3"),
    ("The shop opens on Jun. 15 after repairs.", "Jun. 15"),
    ("The meeting starts at 10am sharp.", "10am"),
    ("Doors open at 7 PM for guests.", "7 PM"),
    ("The train leaves at 5:30pm daily.", "5:30pm"),
    ("The hearing is on Nov 21 in the morning.", "Nov 21"),
    ("The ceremony was held on October 3rd, 2019.", "October 3rd"),
    ("It happened on Monday, Feb. 29, 2020, at dawn.", "Monday"),
    ("The strike ends Sept 1 if talks succeed.", "Sept 1"),
]
DATES_CLEAN = [
    "The vote is on Wednesday, Oct. 10, 2018, in the capital.",
    "It opened on Saturday, July 4, 2020, to crowds.",
    "The trial began on Dec. 2 in Boston.",
    "The law takes effect Jan. 1.",
    "The festival opens in August.",
    "The court meets March 3 to hear the case.",
    "The shop opens on June 15 after repairs.",
    "The meeting starts at 10 a.m. sharp.",
    "Doors open at 7 p.m. for guests.",
    "The report was published in January 2020.",
    "The hearing is on Nov. 21 in the morning.",
    "She may 5 times a day check her phone.",
    "The ceremony was held on Oct. 3, 2019.",
    "It happened on Saturday, Feb. 29, 2020, at dawn.",
    "The strike ends Sept. 1 if talks succeed.",
]


def test_dates_ap():
    check_group("style/dates", DATES_FLAG, DATES_CLEAN)


def test_dates_british_preset():
    check_group("style/dates", [("The strike began on December 2nd.", "December 2nd"),
                                ("The trial opens on 3rd March.", "3rd March"),
                                ("The film opens on 14 Feb in London.", "14 Feb"),
                                ("The shop opens at 9 a.m. daily.", "9 a.m."),
                                ("It was Tuesday 10 October 2018, a wet day.", "Tuesday")],
                ["The strike began on 2 December.", "The shop opens at 9am daily.", "It ends at 5.30pm.",
                 "It was Wednesday 10 October 2018, a wet day.", "The vote is due in June."], dialect="en-GB")


def test_weekday_uses_the_story_date_from_front_matter():
    text = "---\ntitle: Vote\ndate: 2018-10-01\n---\n\nThe vote is on Tuesday, Oct. 10, at noon.\n"
    assert found(text, "style/dates", fmt="markdown") == ["Tuesday"]
    assert found(text.replace("Tuesday", "Wednesday"), "style/dates", fmt="markdown") == []


# --- style/attribution ----------------------------------------------------------------------------

ATTRIBUTION_FLAG = [
    ("“We will not back down,” she stated.", "stated"),
    ("“The plan is dead,” the mayor claimed on Monday.", "claimed"),
    ("“We found the files,” he revealed.", "revealed"),
    ("“It was a hard year,” Smith noted.", "noted"),
    ("The minister stated: “We will act.”", "stated"),
    ("The spokesman declared, “The talks are over.”", "declared"),
    ("“Nobody saw it coming,” the chief asserted.", "asserted"),
    ("“This is a great day,” she exclaimed.", "exclaimed"),
    ("The senator reportedly met the donor twice.", "reportedly"),
    ("The man allegedly stole two cars.", "allegedly"),
    ("The firm purportedly paid the fine.", "purportedly"),
    ("The drug supposedly cures the disease.", "supposedly"),
    ("“He remarked that it was late,” she remarked.", "remarked"),
    ("“We will win,” Jones proclaimed at the rally.", "proclaimed"),
    ("“The vote was rigged,” the candidate claimed again.", "claimed"),
]
ATTRIBUTION_CLEAN = [
    "“We will not back down,” she said.",
    "The mayor said the plan was dead.",
    "She noted the time and left.",
    "The report stated the facts plainly.",
    "He claimed the prize after the race.",
    "The police said the man stole two cars.",
    "“It was a hard year,” Smith said.",
    "The minister said: “We will act.”",
    "The team revealed its new kit on Monday.",
    "The court heard that the firm paid the fine.",
    "“This is a great day,” she told reporters.",
    "According to the report, the drug works.",
    "He said the vote was “rigged from the start”.",
    "She asked: “Who knew?”",
    "The company said in a statement that it would appeal.",
]


def test_attribution_verbs_and_hedges():
    check_group("style/attribution", ATTRIBUTION_FLAG, ATTRIBUTION_CLEAN)


def test_unattributed_quotation_paragraph():
    bad = "The council met on Monday.\n\n“We have waited for this plan for ten years and it is finally here.”\n"
    good = ("The mayor spoke on Monday.\n\n“We have waited for this plan for ten years and it is finally here,” "
            "she said.\n")
    before = "The mayor said:\n\n“We have waited for this plan for ten years and it is finally here.”\n"
    assert [d.severity.value for d in lint(bad, select=["style/attribution"])] == ["warning"]
    assert lint(good, select=["style/attribution"]) == [] and lint(before, select=["style/attribution"]) == []


# --- punctuation ----------------------------------------------------------------------------------

PUNCT_FLAG = [
    ("It was Wednesday , October 10.", "punctuation/spacing", " "),
    ("The vote was close .", "punctuation/spacing", " "),
    ("He left ; she stayed.", "punctuation/spacing", " "),
    ("The  council met.", "punctuation/spacing", "  "),
    ("It rained,, and then it stopped.", "punctuation/doubled", ",,"),
    ("The end came.. suddenly.", "punctuation/doubled", ".."),
    ("We won!!", "punctuation/doubled", "!!"),
    ("Really??", "punctuation/doubled", "??"),
    ("He said “we will win and left.", "punctuation/unbalanced", "“"),
    ("The plan (a new one was approved.", "punctuation/unbalanced", "("),
    ("It was approved) on Monday.", "punctuation/unbalanced", ")"),
    ("He said \"we will win and left.", "punctuation/unbalanced", '"'),
    ("Music from the 1990's is back.", "punctuation/apostrophe", "1990's"),
    ("It was a hit in the 80’s.", "punctuation/apostrophe", "80’s"),
    ("A letter from human rights’ organizations arrived.", "punctuation/apostrophe", "rights’"),
    ("The sports' fans cheered.", "punctuation/apostrophe", "sports'"),
    ("A new sales' tax starts in May.", "punctuation/apostrophe", "sales'"),
]
PUNCT_CLEAN = [
    ("It was Wednesday, October 10.", "punctuation/spacing"),
    ("Wait . . . then go.", "punctuation/spacing"),
    ("The council met. Then it rained.", "punctuation/spacing"),
    ("It rained, and then it stopped.", "punctuation/doubled"),
    ("The end came... suddenly.", "punctuation/doubled"),
    ("He said “we will win” and left.", "punctuation/unbalanced"),
    ("The plan (a new one) was approved.", "punctuation/unbalanced"),
    ("You can 1) wait, 2) call or 3) leave.", "punctuation/unbalanced"),
    ("He said “she told me ‘no’ twice” and left.", "punctuation/unbalanced"),
    ("Music from the 1990s is back.", "punctuation/apostrophe"),
    ("The workers’ union met.", "punctuation/apostrophe"),
    ("A letter from human rights organizations arrived.", "punctuation/apostrophe"),
    ("The players' wages rose.", "punctuation/apostrophe"),
    ("The sports fans cheered.", "punctuation/apostrophe"),
    ("It was the rights' and duties' debate of the year.", "punctuation/apostrophe"),
]


@pytest.mark.parametrize("text,rule,expected", PUNCT_FLAG)
def test_punctuation_flags(text, rule, expected):
    assert expected in found(text + "\n", rule)


@pytest.mark.parametrize("text,rule", PUNCT_CLEAN)
def test_punctuation_leaves_alone(text, rule):
    assert found(text + "\n", rule) == []


def test_a_quotation_running_on_into_the_next_paragraph_is_not_unclosed():
    text = "“We waited for years, she said.\n\n“Now it is here,” she said.\n"
    assert found(text, "punctuation/unbalanced") == []


def test_mixed_quotes_once_per_story():
    text = "It was Biden's plan. Russia’s answer came. Ukraine’s army waited.\n"
    diags = lint(text, select=["punctuation/mixed-quotes"])
    assert len(diags) == 1 and at(text, diags[0]) == "'"
    assert lint("Russia’s answer came. Ukraine’s army waited.\n", select=["punctuation/mixed-quotes"]) == []


def test_safe_fixes_apply_and_lint_again_clean():
    assert_fixed(Spacing, "It was Wednesday , October 10.\n", "It was Wednesday, October 10.\n")
    assert_fixed(DoubledPunctuation, "It rained,, then stopped.\n", "It rained, then stopped.\n")
    assert_fixed(Apostrophe, "Music from the 1990's is back.\n", "Music from the 1990s is back.\n")


# --- style/abbreviations -----------------------------------------------------------------------------

ABBR_FLAG = [
    ("The US economy grew.", "US"),
    ("The UK vote was close.", "UK"),
    ("The UN met on Monday.", "UN"),
    ("The TPSG said the plan was late.", "TPSG"),
    ("Officials at the DHHS declined to comment.", "DHHS"),
    ("The NTSB opened an inquiry.", "NTSB"),
    ("Members of the ACLU protested.", "ACLU"),
    ("The IRSQ program ended.", "IRSQ"),
    ("A CFPB report came out.", "CFPB"),
    ("The RNC chairman spoke.", "RNC"),
    ("The USDA inspected the plant.", "USDA"),
    ("He joined the SEIU last year.", "SEIU"),
    ("The FDIC took over the bank.", "FDIC"),
    ("The WMATA board met.", "WMATA"),
    ("Voters in the US and the UK agreed.", "US"),
]
ABBR_CLEAN = [
    "The U.S. economy grew.",
    "The FBI opened an inquiry.",
    "NATO leaders met in Brussels.",
    "The National Transportation Safety Board (NTSB) opened an inquiry. The NTSB said more.",
    "The Department of Health and Human Services said the DHHS would act.",
    "The BBC and CNN reported it.",
    "Army Tactical Missile Systems (ATACMS) were sent.",
    "The CEO quit on Monday.",
    "AIDS deaths fell.",
    "The GDP figures are out.",
    "He paid US$5 for it.",
    "The EU and NATO agreed.",
    "The U.N. met on Monday.",
    "The TV show ended.",
    "WHO officials said the virus spread.",
]


def test_abbreviations_ap():
    check_group("style/abbreviations", ABBR_FLAG, ABBR_CLEAN)


def test_abbreviations_british_writes_us_plain():
    check_group("style/abbreviations", [("The U.S. economy grew.", "U.S."), ("The U.K. vote was close.", "U.K.")],
                ["The US economy grew.", "The UK vote was close."], dialect="en-GB")


# --- style/headline ------------------------------------------------------------------------------

HEADLINE_FLAG = [
    ("Council approves new budget.", "."),
    ("Mayor resigns after vote.", "."),
    ("Storm hits coast.", "."),
    ("Council Approves New Arts Budget", "Council Approves New Arts Budget"),
    ("Mayor Resigns After Long Vote", "Mayor Resigns After Long Vote"),
    ("Police Arrest Three After Raid", "Police Arrest Three After Raid"),
    ("Schools Close As Storm Nears Coast", "Schools Close As Storm Nears Coast"),
    ("Voters Reject Plan For New Stadium", "Voters Reject Plan For New Stadium"),
    ("Fire Destroys Historic Church Roof", "Fire Destroys Historic Church Roof"),
    ("Prices rise again.", "."),
    ("City Council Backs Bike Lane Plan", "City Council Backs Bike Lane Plan"),
    ("Trial opens for former mayor.", "."),
    ("Rain Delays Final Match Again", "Rain Delays Final Match Again"),
    ("Flood waters recede.", "."),
    ("Hospital Opens New Cancer Ward", "Hospital Opens New Cancer Ward"),
]
HEADLINE_CLEAN = [
    "Council approves new budget",
    "Mayor resigns after vote",
    "NATO leaders meet in Brussels",
    "Storm hits Florida coast",
    "What the U.S. vote means",
    "Biden signs bill",
    "Police arrest three after raid",
    "Schools close as storm nears",
    "Why the plan failed: a timeline",
    "Prices rise again",
    "Fire destroys St. Mary's church roof",
    "Voters back Smith in New York",
    "The war in Ukraine",
    "Trial opens for former mayor",
    "Rain delays final in London",
]


def test_headline():
    for text, expected in HEADLINE_FLAG:
        assert expected in found(f'---\ntitle: "{text}"\n---\n\nBody text.\n', "style/headline", fmt="markdown"), text
    for text in HEADLINE_CLEAN:
        assert found(f'---\ntitle: "{text}"\n---\n\nBody text.\n', "style/headline", fmt="markdown") == [], text


def test_headline_subheads_are_left_alone():
    text = "# Council approves budget\n\nBody text.\n\n## One team, one dream.\n\nMore text.\n"
    assert found(text, "style/headline", fmt="markdown") == []


# --- consistency/names -------------------------------------------------------------------------

NAMES_FLAG = [
    ("Smith said the plan was late. John Smith is the mayor.", "Smith"),
    ("Garcia spoke first. Later, Maria Garcia left.", "Garcia"),
    ("John Smith spoke. Smith sat down. John Smith then left.", "John Smith"),
    ("Maria Garcia won. Garcia smiled. Critics said Maria Garcia cheated.", "Maria Garcia"),
    ("The award went to Peter Novak. Novak wept. Peter Novak thanked his team.", "Peter Novak"),
    ("Kowalski was late. Anna Kowalski said the bus broke down.", "Kowalski"),
    ("The vote was called by president Joe Biden on Monday.", "president"),
    ("It was signed by governor Gavin Newsom.", "governor"),
    ("The bill came from senator Susan Collins.", "senator"),
    ("The speech by mayor Karen Bass was short.", "mayor"),
    ("The President said the talks would resume.", "President"),
    ("Aides to the Governor, said nothing.", "Governor"),
    ("The Mayor has resigned.", "Mayor"),
    ("Hernandez won. Luis Hernandez won again. Luis Hernandez wept.", "Hernandez"),
    ("The letter from prime minister Keir Starmer arrived.", "prime minister"),
]
NAMES_CLEAN = [
    "John Smith is the mayor. Smith said the plan was late.",
    "Maria Garcia spoke first. Later, Garcia left.",
    "President Joe Biden signed the bill. The president said it would help.",
    "The president said the talks would resume.",
    "Gov. Gavin Newsom signed it. Newsom said little.",
    "The mayor has resigned.",
    "John Smith and Mary Jones met. Smith and Jones agreed.",
    "“John Smith is a liar,” said Mary Jones. Jones left.",
    "The Smith Center opened on Monday.",
    "Peter Novak won the award. Novak thanked his team.",
    "The king spoke to the nation.",
    "Anna Kowalski said the bus broke down. Kowalski was late.",
    "The council met in March.",
    "Senator Susan Collins voted no.",
    "The Washington Post reported it first.",
    "The shop John Lewis opened. Later John Lewis closed.",
    "Prince Harry spoke. Harry left.",
]


def test_names():
    check_group("consistency/names", NAMES_FLAG, NAMES_CLEAN)


def test_names_titles_are_left_alone_in_british_style():
    assert found("The Prime Minister said the talks would resume.\n", "consistency/names", "en-GB") == []
