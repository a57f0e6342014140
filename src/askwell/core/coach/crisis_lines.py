"""Crisis lines by country, and the short pointer shown instead of a score.

Pure data, no I/O. Each entry names the country's emergency number and one crisis line, with
`source`, the service's official site, and `checked`, the pages that were read to confirm the
numbers (the operator's own page where a stored copy of it could be found; otherwise the
government, health-service or press page that quotes the operator). Every entry was checked on
2026-11-26 by searching stored copies of public pages; a country whose line could not be
confirmed that way was left out rather than guessed (Japan, Denmark and Belgium on that date).
Numbers change: re-check an entry against its `source` before relying on it, and keep the date
above current when you do.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECKED_ON = "2026-11-26"


@dataclass(frozen=True)
class CrisisLine:
    """One country's emergency number and crisis line, with where they were confirmed."""

    code: str  # ISO 3166-1 alpha-2, upper case; "" for the international fallback
    country: str
    emergency: str  # the number to call when someone is in danger now
    line: str  # the crisis line's name
    phone: str | None  # number to call, written as the service writes it
    text: str | None  # number to text, when the service takes texts
    source: str  # the service's official site
    checked: tuple[str, ...]  # pages read to confirm the numbers

    def contact(self) -> str:
        """Return how to reach the crisis line, e.g. "call or text 988"."""
        if self.phone and self.phone == self.text:
            return f"call or text {self.phone}"
        parts = [
            f"call {self.phone}" if self.phone else "",
            f"text {self.text}" if self.text else "",
        ]
        return " or ".join(part for part in parts if part) or f"visit {self.source}"


LINES: dict[str, CrisisLine] = {
    line.code: line
    for line in (
        CrisisLine(
            "US", "United States", "911", "988 Suicide & Crisis Lifeline", "988", "988",
            "https://988lifeline.org/",
            ("https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/"
             "988-suicide-crisis-lifeline",),
        ),
        CrisisLine(
            "CA", "Canada", "911", "9-8-8: Suicide Crisis Helpline", "988", "988",
            "https://988.ca/",
            ("https://www.newswire.ca/news-releases/"
             "government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html",
             "https://www.durham.ca/en/living-here/when-to-call-911.aspx"),
        ),
        CrisisLine(
            "GB", "United Kingdom", "999", "Samaritans", "116 123", None,
            "https://www.samaritans.org/",
            ("https://www.samaritans.org/how-we-can-help/contact-samaritan/",
             "https://wmas.nhs.uk/999-or-111/"),
        ),
        CrisisLine(
            "IE", "Ireland", "112", "Samaritans Ireland", "116 123", None,
            "https://www.samaritans.org/ireland/",
            ("https://www.samaritans.org/news/"
             "samaritans-ireland-responds-one-call-help-every-minute-last-year",
             "https://www.irishhealthpro.com/content/news/show/name/"
             "big-jump-in-calls-to-samaritans-since-2014",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "AU", "Australia", "000", "Lifeline Australia", "13 11 14", "0477 13 11 14",
            "https://www.lifeline.org.au/",
            ("https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/",
             "https://www.theleader.com.au/story/7611333/"
             "lifeline-crisis-text-service-goes-247-to-help-more-in-need/"),
        ),
        CrisisLine(
            "NZ", "New Zealand", "111", "Need to talk? 1737", "1737", "1737",
            "https://1737.org.nz/",
            ("https://vice.com/en/article/"
             "new-zealands-biggest-mental-health-helpline-misses-one-in-four-calls",
             "https://www.globelink.co.uk/articles/country-information/travelling-to-new-zealand/"
             "telephone-and-postal-services-in-new-zealand.html"),
        ),
        CrisisLine(
            "DE", "Germany", "112", "TelefonSeelsorge", "0800 111 0 111", None,
            "https://www.telefonseelsorge.de/",
            ("https://www.domradio.de/glossar/telefonseelsorge-0",
             "https://www.evangelisch.de/inhalte/136401/18-07-2016/"
             "deutsche-telefonseelsorge-besteht-seit-60-jahren",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "FR", "France", "112", "3114, numéro national de prévention du suicide", "3114", None,
            "https://3114.fr/",
            ("https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "ES", "Spain", "112", "024, Línea de atención a la conducta suicida", "024", None,
            "https://www.sanidad.gob.es/",
            ("https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/"
             "2347183.shtml",
             "https://www.elnacional.cat/es/sociedad/"
             "telefono-024-detecta-585-suicidios-curso-primeros-meses-funcionamiento_852759_102.html"),
        ),
        CrisisLine(
            "IT", "Italy", "112", "Telefono Amico Italia", "02 2327 2327", None,
            "https://www.telefonoamico.it/",
            ("https://alleyoop.ilsole24ore.com/2025/10/10/"
             "salute-mentale-300-richieste-di-aiuto-al-giorno-per-telefono-amico-italia/",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "NL", "Netherlands", "112", "113 Zelfmoordpreventie", "113", None,
            "https://www.113.nl/",
            ("https://www.113.nl/schoolopdracht",
             "https://www.upday.com/nl/binnenland/"
             "nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "CH", "Switzerland", "144", "Die Dargebotene Hand / La Main Tendue", "143", None,
            "https://www.143.ch/",
            ("https://winterthur.143.ch/Beratung/Beratungsangebot/Copy_of_Nacht",
             "https://www.bag-blueprint.ch/die-dargebotene-hand-tel-143",
             "https://stadt-zuerich.ch/web/de/stadtleben/notfall/notrufe/notruf-144.html"),
        ),
        CrisisLine(
            "AT", "Austria", "144", "TelefonSeelsorge", "142", None,
            "https://www.telefonseelsorge.at/",
            ("https://www.ots.at/presseaussendung/OTM_20230425_OTM0006/"
             "telefonseelsorge-seit-25-jahren-amtlicher-notruf-fuer-die-seele",
             "https://www.katholisch.at/telefonseelsorge",
             "https://burgenland.orf.at/stories/3027145/"),
        ),
        CrisisLine(
            "SE", "Sweden", "112", "Mind Självmordslinjen", "90101", None,
            "https://mind.se/hitta-hjalp/sjalvmordslinjen/",
            ("http://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "NO", "Norway", "113", "Mental Helse Hjelpetelefonen", "116 123", None,
            "https://mentalhelse.no/",
            ("https://www.nrk.no/osloogviken/"
             "over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352",),
        ),
        CrisisLine(
            "FI", "Finland", "112", "MIELI Crisis Helpline", "09 2525 0111", None,
            "https://mieli.fi/",
            ("https://mieli.fi/helpline",),
        ),
        CrisisLine(
            "PL", "Poland", "112", "Centrum Wsparcia dla Osób w Stanie Kryzysu Psychicznego",
            "800 70 2222", None,
            "https://centrumwsparcia.pl/",
            ("https://zdrowie.pap.pl/psyche/na-kryzys-telefon-800-70-2222",
             "https://www.itaka.org.pl/material-prasowy/centrum-wsparcia-juz-od-roku-ratuje-zycie/",
             "https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320"),
        ),
        CrisisLine(
            "BR", "Brazil", "192", "CVV, Centro de Valorização da Vida", "188", None,
            "https://cvv.org.br/",
            ("http://www.jd1noticias.com/geral/"
             "ligacao-para-centro-de-valorizacao-da-vida-passa-a-ser-gratuita/53507/",
             "http://www.saude.gov.br/saude-de-a-z/servico-de-atendimento-movel-de-urgencia-samu-192"),
        ),
        CrisisLine(
            "MX", "Mexico", "911", "Línea de la Vida", "800 911 2000", None,
            "https://www.gob.mx/salud",
            ("https://www.eluniversal.com.mx/nacion/"
             "promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-"
             "asi-puedes-pedir-ayuda/",
             "https://www.cronica.com.mx/nacional/2025/09/19/jornada-para-la-prevencion-del-suicidio/"),
        ),
        CrisisLine(
            "IN", "India", "112", "Tele-MANAS", "14416", None,
            "https://telemanas.mohfw.gov.in/",
            ("https://www.livemint.com/news/india/"
             "govts-mental-health-helpline-tele-manas-receives-over-2-lakh-calls-since-launch-"
             "11690014660473.html",
             "https://www.businesstoday.in/current/economy-politics/"
             "20-states-join-pan-india-single-emergency-helpline-number-112/story/338636.html"),
        ),
        CrisisLine(
            "ZA", "South Africa", "112", "SADAG Suicide Crisis Helpline", "0800 567 567", None,
            "https://www.sadag.org/",
            ("https://ewn.co.za/2019/09/11/"
             "sadag-receiving-more-calls-to-do-talks-on-suicide-at-primary-schools",
             "http://www.pressreader.com/south-africa/the-star-early-edition/20190212/"
             "281668256233737",
             "https://mybroadband.co.za/news/telecoms/"
             "568418-south-africa-could-say-goodbye-to-10111-and-other-emergency-numbers.html"),
        ),
        CrisisLine(
            "SG", "Singapore", "995", "Samaritans of Singapore", "1767", "9151 1767",
            "https://www.sos.org.sg/",
            ("https://www.channelnewsasia.com/singapore/"
             "suicide-whatsapp-service-caretext-samaritans-singapore-help-2929241",
             "https://www.scdf.gov.sg/home/about-us/information-on-ems/"
             "scdf-emergency-medical-services"),
        ),
        CrisisLine(
            "HK", "Hong Kong", "999", "The Samaritan Befrienders Hong Kong", "2389 2222", None,
            "https://sbhk.org.hk/",
            ("https://csrp.hku.hk/getting-help/",),
        ),
        CrisisLine(
            "KR", "South Korea", "119", "Suicide Prevention Counselling Line",
            "109", None,
            "https://www.mohw.go.kr/",
            ("https://eiec.kdi.re.kr/policy/materialView.do?num=246730",
             "https://newspim.com/news/view/20240102000281"),
        ),
        CrisisLine(
            "PH", "Philippines", "911", "NCMH Crisis Hotline", "1553", None,
            "https://doh.gov.ph/",
            ("https://www.sunstar.com.ph/cebu/nearly-700-call-ncmh-during-the-holidays",
             "https://doh.gov.ph/press-release/launch-of-the-ncmh-crisis-hotline/",
             "https://e911.gov.ph/executive-directors-message/"),
        ),
    )
}  # fmt: skip

FALLBACK = CrisisLine(
    code="",
    country="",
    emergency="your local emergency number",
    line="Find A Helpline",
    phone=None,
    text=None,
    source="https://findahelpline.com/",
    checked=("https://findahelpline.com/AU",),
)


def lines_for(country: str | None) -> CrisisLine:
    """Return the entry for an ISO country code (any case), or the international fallback."""
    if not country:
        return FALLBACK
    return LINES.get(country.strip().upper(), FALLBACK)


def crisis_pointer(country: str | None) -> str:
    """Return the short, calm text shown instead of a score when a message signals a crisis."""
    entry = lines_for(country)
    if entry is FALLBACK:
        emergency = "your local emergency number"
        talk = "reach out; findahelpline.com lists free, confidential crisis lines near you"
    else:
        emergency = f"emergency services on {entry.emergency}"
        talk = f"reach out to {entry.line} ({entry.contact()})"
    return (
        "It sounds like you are going through something really painful, and you deserve support "
        "right now. If you might hurt yourself, or someone else is hurting or threatening you, "
        f"please call {emergency} now. You don't need the right words to {talk}."
    )
