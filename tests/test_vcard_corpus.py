"""Every real-world vCard in tests/data/vcards/corpus (see its README) has a known outcome."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwell.services.vcard import read_vcards

CORPUS = Path(__file__).resolve().parent / "data" / "vcards" / "corpus"

# file -> (names of the people read, cards or lines that are errors, non-person cards skipped)
EXPECTED: dict[str, tuple[list[str], int, int]] = {
    "android/v21_adr_multiple_line.vcf": (["bogus"], 0, 0),
    "android/v21_android_custom_prop.vcf": ([], 1, 0),
    "android/v21_backslash.vcf": (["A;B\\C;D:E\\\\"], 0, 0),
    "android/v21_base64_no_2_crlf.vcf": (["fullname"], 0, 0),
    "android/v21_blackberry_photo.vcf": (["boogie"], 0, 0),
    "android/v21_complicated.vcf": (["Joe Due"], 0, 0),
    "android/v21_im.vcf": ([], 1, 0),
    "android/v21_invalid_comment_line.vcf": (["Conference Call"], 0, 0),
    "android/v21_invalid_multiple_line.vcf": (["Omega"], 0, 0),
    "android/v21_japanese_1.vcf": (["安藤ロイド"], 0, 0),
    "android/v21_japanese_2.vcf": (["安藤 ロイド 1"], 0, 0),
    "android/v21_japanese_3.vcf": (["伊能 圭一 伊予"], 0, 0),
    "android/v21_malformed_photo.vcf": (["fullname"], 0, 0),
    "android/v21_multiple_entry.vcf": (["安藤ロイド3", "安藤ロイド4", "安藤ロイド5"], 0, 0),
    "android/v21_nest.vcf": (["parent", "nest1", "nest2"], 0, 0),
    "android/v21_org_before_title.vcf": (["Normal Guy"], 0, 0),
    "android/v21_pref_handling.vcf": (["Smith"], 0, 0),
    "android/v21_simple_1.vcf": (["Roid Ando"], 0, 0),
    "android/v21_simple_2.vcf": (["Ando Roid"], 0, 0),
    "android/v21_simple_3.vcf": (["Ando Roid"], 0, 0),
    "android/v21_sip.vcf": (["Android"], 0, 0),
    "android/v21_title_before_org.vcf": (["Nice Guy"], 0, 0),
    "android/v21_winmo_65.vcf": (["Example"], 0, 0),
    "android/v21_x_android_custom_after_photo.vcf": (["Roid Ando"], 0, 0),
    "android/v21_x_param.vcf": (["Roid Ando"], 0, 0),
    "android/v30_comma_separated.vcf": (["G M F"], 0, 0),
    "android/v30_ios_613_multiline.vcf": (["Bob Smith"], 0, 0),
    "android/v30_japanese.vcf": (["伊能 圭一 伊予"], 0, 0),
    "android/v30_multibyte_param.vcf": (["G M F"], 0, 0),
    "android/v30_pager.vcf": (["G M F"], 0, 0),
    "android/v30_pause_wait.vcf": (["Pause Wait"], 0, 0),
    "android/v30_simple.vcf": (["And Roid"], 0, 0),
    "android/v30_sip.vcf": (["Android"], 0, 0),
    "android/v40_sip.vcf": (["安藤 ロイド"], 0, 0),
    "android/v40_sort_as.vcf": (["安藤 ロイド"], 0, 0),
    "kcontacts/testfullvcard.vcf": (["Sherlock Holmes"], 0, 0),
    "kcontacts/vcard1.vcf": (["Frank Dawson"], 0, 0),
    "kcontacts/vcard10.vcf": (
        [
            "Field after Address broken",
            "Field after Address not broken",
            "Dr. med. Surname Name",
            "Second Doctor",
        ],
        0,
        1,
    ),
    "kcontacts/vcard11.vcf": (["Test User"], 0, 0),
    "kcontacts/vcard12.vcf": (["Good Looking"], 0, 0),
    "kcontacts/vcard13.vcf": (["Test User"], 0, 0),
    "kcontacts/vcard14.vcf": (["Test User"], 0, 0),
    "kcontacts/vcard15.vcf": (["Test Tester"], 0, 0),
    "kcontacts/vcard2.vcf": (["Tim Howes"], 0, 0),
    "kcontacts/vcard3.vcf": (["ian geiser"], 0, 0),
    "kcontacts/vcard4.vcf": ([], 0, 1),
    "kcontacts/vcard5.vcf": (["Mustermann, Heiko"], 0, 0),
    "kcontacts/vcard6.vcf": (["Test User"], 0, 0),
    "kcontacts/vcard7.vcf": ([], 1, 0),
    "kcontacts/vcard8.vcf": (["test"], 0, 0),
    "kcontacts/vcard9.vcf": (
        [
            "βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1"
        ],
        0,
        0,
    ),
    "kcontacts/vcard_extension_case_normalization.vcf": (["My Name"], 0, 0),
    "kcontacts/vcard_legacy_messaging_fields.vcf": (["My Name"], 0, 0),
    "kcontacts/vcardwithitemasapplesupport.vcf": (["Name of Broken Card"], 0, 0),
}


def test_vcard_corpus_every_file_has_an_expected_outcome_and_a_source() -> None:
    files = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.vcf"))
    assert len(files) >= 40
    assert files == sorted(EXPECTED)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert all(folder in readme for folder in {f.split("/")[0] for f in files})


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vcard_corpus_file_outcome(name: str) -> None:
    names, bad, skipped = EXPECTED[name]
    outcomes, stray = read_vcards((CORPUS / name).read_bytes())
    assert [o.person.name for o in outcomes if o.person] == names
    assert len([o for o in outcomes if o.error]) + len(stray) == bad
    assert len([o for o in outcomes if o.skipped]) == skipped
    assert all(o.person or o.error or o.skipped for o in outcomes)  # no card vanishes silently
