"""``common.spreadsheet``'s two dialects (decisions 58 and 61): the plain CSV (``,``, a decimal point) and
the Excel variant (the language's decimal mark, the separator Excel reads beside it); only figures
change, text cells are written alike and defused alike."""

from emm_xblocks.common.spreadsheet import PLAIN, Figure, csv_lines, dialect_of, excel, figure


def text(rows, dialect=PLAIN):
    return b"".join(csv_lines(rows, dialect)).decode("utf-8-sig")


def test_a_negative_figure_is_a_number_not_defused_text():
    """A figure is ours, never a formula: "-2.5" stays a number (only text cells are defused)."""
    rows = [["Mean gain", figure(-2.5, 1)], ["Comment", "-2"]]
    assert text(rows) == "Mean gain,-2.5\r\nComment,'-2\r\n"
    assert text(rows, excel("fr")) == "Mean gain;-2,5\r\nComment;'-2\r\n"
    assert text(rows, excel("ar")) == "Mean gain;-2.5\r\nComment;'-2\r\n"
    assert excel("es").decimal == "," and excel("en").decimal == "." and PLAIN.separator == ","


def test_only_figures_change_their_decimal_mark_and_cells_with_the_separator_are_quoted():
    rows = [["Statement", "Mean", "Share"], ["Pace; speed 1.5 times", figure(4.1666), Figure("63.8")], ["n", 6, ""]]
    assert text(rows) == 'Statement,Mean,Share\r\nPace; speed 1.5 times,4.17,63.8\r\nn,6,\r\n'
    assert text(rows, excel("fr")) == 'Statement;Mean;Share\r\n"Pace; speed 1.5 times";4,17;63,8\r\nn;6;\r\n'
    assert figure(None) == "" and figure(2.0) == "2" and figure(0.6667, 3) == "0.667"


def test_the_handler_suffix_excel_asks_for_the_excel_variant():
    assert dialect_of("", "fr") is PLAIN and dialect_of("other", "fr") is PLAIN
    fr = dialect_of("excel", "fr")
    assert (fr.separator, fr.decimal, fr.excel) == (";", ",", True)
    assert dialect_of("excel", "fr-ne").decimal == "," and dialect_of("excel", "en-us").decimal == "."


def test_the_excel_separator_is_the_one_excel_reads_beside_the_language_s_decimal_mark():
    """Decision 61: ``;`` where the decimal mark is a comma (French, Spanish, Moroccan Arabic), and
    in Arabic with its decimal point (Windows' Arabic settings: ``;`` and ``.``); ``,`` in English
    and wherever else the mark is a point (Mexican Spanish), as Excel there splits a CSV."""
    found = {lang: (excel(lang).separator, excel(lang).decimal)
             for lang in ("en", "en-us", "fr", "fr-ne", "es", "es-mx", "ar", "ar-ma", "ar-eg")}
    assert found == {"en": (",", "."), "en-us": (",", "."), "fr": (";", ","), "fr-ne": (";", ","),
                     "es": (";", ","), "es-mx": (",", "."), "ar": (";", "."), "ar-ma": (";", ","),
                     "ar-eg": (";", ".")}
    rows = [["Statement", "Mean"], ["Pace, speed", figure(4.1666)], ["Pace; speed", figure(2.5)]]
    assert text(rows, excel("en")) == 'Statement,Mean\r\n"Pace, speed",4.17\r\nPace; speed,2.5\r\n'
    assert text(rows, excel("es")) == 'Statement;Mean\r\nPace, speed;4,17\r\n"Pace; speed";2,5\r\n'


def test_the_link_names_the_separator_its_file_has():
    from emm_xblocks.common.spreadsheet import excel_link

    assert excel_link("en", str)["text"] == "CSV for Excel (,)" and "commas" in excel_link("en", str)["title"]
    assert excel_link("fr", str)["text"] == excel_link("ar", str)["text"] == "CSV for Excel (;)"
    assert "semicolons" in excel_link("ar", str)["title"]


def test_the_excel_file_never_takes_the_plain_file_s_name():
    """A long title is cut before " (Excel)" is added (a French case study's "… - réponses par
    profil" passes 80 characters), and an Arabic title's ASCII name is the fallback's, marked too."""
    from urllib.parse import unquote

    from emm_xblocks.common.spreadsheet import content_disposition

    title = "Étude de cas : la gestion des frontières au Niger, de Tillabéri à Agadez - réponses par profil"
    plain, xl = content_disposition(title, "csv"), content_disposition(title, "csv", dialect=excel("fr"))
    assert unquote(xl.split("UTF-8''")[1]).endswith(" (Excel).csv") and '-Excel.csv"' in xl
    assert plain.split('"')[1] != xl.split('"')[1] and plain.split("UTF-8''")[1] != xl.split("UTF-8''")[1]
    arabic = content_disposition("تقييم اليوم الأول", "csv", fallback="evaluation", dialect=excel("ar"))
    assert 'filename="evaluation-Excel.csv"' in arabic
    assert 'filename="evaluation.csv"' in content_disposition("تقييم اليوم الأول", "csv", fallback="evaluation")


def test_a_title_with_a_colon_or_a_slash_gives_a_name_every_file_system_takes():
    """Trial s32: the French report's file was "Niger : rapport…" (Windows refuses a colon in a
    file name; browsers cut or rename it): " - " in its place, "-" for the other refused characters."""
    from urllib.parse import unquote

    from emm_xblocks.common.spreadsheet import FileName, content_disposition

    header = content_disposition(FileName("{title} - rapport", "Niger : évaluation 2/3 ?"), "csv", dialect=excel("fr"))
    assert unquote(header.split("UTF-8''")[1]) == "Niger - évaluation 2-3 - rapport (Excel).csv"
    assert header.split('"')[1] == "Niger-evaluation-2-3-rapport-Excel.csv"
    assert unquote(content_disposition("Jour 1: ce qui se passe", "csv").split("UTF-8''")[1]) == (
        "Jour 1 - ce qui se passe.csv")


def test_a_long_title_is_shortened_at_a_word_and_the_words_after_it_stay_whole():
    """Review s25, item 9: "… - dictionnair.csv", "…par prof (Excel).csv" were cut mid-word; now the
    title alone is shortened, at a word, with "…", and " - dictionnaire des variables", " (Excel)"
    and the extension are whole, in both names (UTF-8 and ASCII), within ``MAX_NAME``."""
    from urllib.parse import unquote

    from emm_xblocks.common.spreadsheet import MAX_NAME, FileName, content_disposition

    title = "Évaluation de fin de formation — formation nationale EMM2.0, Niger"
    named = FileName("{title} - dictionnaire des variables", title)
    for dialect, end in ((None, " - dictionnaire des variables.csv"),
                         (excel("fr"), " - dictionnaire des variables (Excel).csv")):
        header = content_disposition(named, "csv", fallback="evaluation-codebook", dialect=dialect)
        name = unquote(header.split("UTF-8''")[1])
        assert name.endswith("…" + end) and name.startswith("Évaluation de fin de formation — formation")
        assert len(name.removesuffix(".csv")) <= MAX_NAME
        assert header.split('"')[1].endswith("-dictionnaire-des-variables" + ("-Excel" if dialect else "") + ".csv")
    short = content_disposition(FileName("{title} - codebook", "Eval"), "csv", dialect=excel("en"))
    assert unquote(short.split("UTF-8''")[1]) == "Eval - codebook (Excel).csv"  # short enough: as it was
