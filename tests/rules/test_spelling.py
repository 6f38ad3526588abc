from __future__ import annotations

from conftest import at, lint


def spell(text: str, **kw):
    return [d for d in lint(text, select=["spelling"], **kw)]


def test_flags_typo_with_ranked_suggestion():
    text = "Outages are aggravanding the humanitarian issues.\n"
    diags = spell(text)
    assert len(diags) == 1
    assert at(text, diags[0]) == "aggravanding"
    assert diags[0].suggestions[0] == "aggravating"
    assert diags[0].rule == "spelling/unknown-word" and diags[0].severity.value == "error"


def test_flags_common_misspellings_including_capitalised_slips():
    text = "We recieve reports. Teh minister spoke. The Goverment agreed.\n"
    found = {at(text, d) for d in spell(text)}
    assert {"recieve", "Teh", "Goverment"} <= found


def test_leaves_news_text_alone():
    text = ("President-elect Donald Trump met Volodymyr Zelenskyy in Kyiv. The ATACMS and NATO "
            "counter-offensives, long-range missiles and Russia\u2019s gains in human rights\u2019 reports "
            "drew 50,000 soldiers, the 3rd brigade and $4.5bn. Email press@example.org or see "
            "www.example.com, @newsdesk and #breaking. Smartphone apps aren't new; they'll stay.\n")
    assert spell(text) == []


def test_names_used_twice_are_the_story_vocabulary():
    text = "Ms Axani spoke first. Later, Axani said the plan was sound.\n"
    assert spell(text) == []


def test_dialect_british_in_american_copy_is_style_info():
    text = "The colour of the centre was a favourite.\n"
    diags = lint(text, select=["spelling"], dialect="en-US")
    assert all(d.rule == "spelling/dialect" and d.severity.value == "info" for d in diags)
    assert {at(text, d) for d in diags} == {"colour", "centre", "favourite"}
    assert lint(text, select=["spelling"], dialect="en-GB") == []


def test_dialect_american_in_british_copy():
    text = "The color of the theater was gray.\n"
    diags = lint(text, select=["spelling"], dialect="en-GB")
    assert {at(text, d) for d in diags} == {"color", "gray"} | ({"theater"} & {at(text, d) for d in diags})
    assert all(d.category.value == "style" for d in diags)


# Canadian copy as Canadian Press writes it: -our with -ize, -re, doubled l, cheque, tire
CANADIAN = ("The council voted to organize a new arts centre. The colour scheme would honour the "
            "history of the area. The mayor travelled to Ottawa to analyze the federal program. "
            "Residents can pay by cheque, and the defence of the budget goes on. A tire shop will close.\n")


def test_canadian_copy_passes_as_en_ca_and_only_there():
    assert lint(CANADIAN, select=["spelling"], dialect="en-CA") == []
    us = {at(CANADIAN, d) for d in lint(CANADIAN, select=["spelling"], dialect="en-US")}
    assert {"centre", "colour", "honour", "cheque", "defence"} <= us
    gb = {at(CANADIAN, d) for d in lint(CANADIAN, select=["spelling"], dialect="en-GB")}
    assert gb == {"analyze"}


def test_en_ca_flags_american_our_and_british_ise():
    text = "The color of the center will organise the neighbor's day. We analyse it.\n"
    diags = lint(text, select=["spelling"], dialect="en-CA")
    assert {at(text, d): d.suggestions[0] for d in diags} == {
        "color": "colour", "center": "centre", "organise": "organize", "analyse": "analyze"}
    assert all(d.rule == "spelling/dialect" for d in diags)


def test_en_au_is_british_but_program_is_the_house_form():
    text = "The program will analyze the color of the theatre.\n"
    diags = lint(text, select=["spelling"], dialect="en-AU")
    assert {at(text, d) for d in diags} == {"analyze", "color"}
    other = "The programme starts.\n"
    assert [at(other, d) for d in lint(other, select=["spelling"], dialect="en-AU")] == ["programme"]


def test_dictionary_file_accepts_words(tmp_path):
    (tmp_path / "words.dic").write_text("# newsroom words\nfrobnicator\n")
    (tmp_path / "newslint.toml").write_text('dictionary = ["words.dic"]\nselect = ["spelling"]\n')
    story = tmp_path / "story.txt"
    story.write_text("The frobnicator broke. The frobnicatr broke.\n")
    from newslint import lint_paths

    diags = lint_paths([str(story)]).diagnostics
    assert [d.column for d in diags] == [28]


def test_single_use_names_are_left_alone():
    text = ("Ann Francke spoke. Later Liz Mair and Robin Tutcher joined Professor Sajiv Singh, "
            "and Daniel Gimeno-Traver won.\n")
    assert spell(text) == []


def test_slips_inside_institution_names_are_found():
    text = ("The Chief Finacial Officer wrote to the Offic of Systems Integration about the "
            "Quality Assurance Surveilence Plan.\n")
    assert {at(text, d) for d in spell(text)} == {"Finacial", "Offic", "Surveilence"}


def test_name_spelled_two_ways_is_reported_once():
    text = ("President Zelenskyy spoke on Monday. Later Zelensky said Zelenskyy\u2019s plan stood, "
            "and the Zelensky aides agreed.\n")
    diags = lint(text, select=["consistency"])
    assert len(diags) == 1 and diags[0].category.value == "consistency"
    assert at(text, diags[0]) == "Zelensky" and diags[0].suggestions == ("Zelenskyy",)


def test_name_consistency_leaves_derivatives_and_different_people():
    text = ("Bolivia and Bolivian farmers, Nepal and Nepali guides, the Himalayas and a Himalayan "
            "peak. Eric Clapton met Clayton Jones; Peterson and Petersen argued. The Clintons and "
            "Clinton.\n")
    assert lint(text, select=["consistency"]) == []


def test_lexicon_frequencies_are_wordfreqs():
    """The lexicon reads wordfreq's shipped list directly (see lexicon.wordfreq_buckets); its
    numbers must be wordfreq's own."""
    import wordfreq

    from newslint.rules.lang.lexicon import lexicon

    lex = lexicon()
    table = dict(lex.zipf_items())
    sample = sorted(table)[::997] + ["the", "recieve", "government", "nonexistentwordxyz"]
    for w in sample:
        assert abs(lex.zipf(w) - wordfreq.zipf_frequency(w, "en", minimum=0.0)) < 0.006, w
