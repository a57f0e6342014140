"""Real requests from ../shared/data (ids only; texts are read at test time)."""

REAL_EXAMPLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "vague-ask": (
        ("raop:t3_191xar", "raop:t3_1gfuky", "raop:t3_mglcv", "raop:t3_17pqos"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "specific-ask": (
        (
            "politeness:se_askubuntu_5126",
            "politeness:se_stackoverflow_646698",
            "politeness:wp_627346",
            "politeness:se_stackoverflow_3220222",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_1949027",
            "politeness:wp_95565",
        ),
    ),
    "no-context": (
        (
            "politeness:se_askubuntu_5126",
            "politeness:se_stackoverflow_6914562",
            "politeness:wp_132426",
            "politeness:se_stackoverflow_3291516",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
            "politeness:wp_627346",
        ),
    ),
    "over-justified": (
        ("raop:t3_11tb71", "raop:t3_10bsxp"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "pressure": (
        ("raop:t3_rs4l6", "raop:t3_mwopz", "raop:t3_1mrx1d", "raop:t3_193zoz"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "comparison": (
        (),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "blaming-you": (
        (
            "politeness:se_electricalengineering_22482",
            "politeness:wp_476595",
            "politeness:wp_537310",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "demands-immediacy": (
        ("raop:t3_iardh", "politeness:se_webmasters_2161"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "time-boxed": (
        (
            "politeness:wp_493842",
            "politeness:wp_604967",
            "politeness:wp_506658",
            "politeness:se_stackoverflow_8348241",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "reason-for-them": (
        (
            "politeness:wp_225160",
            "politeness:se_wordpress_4302",
            "politeness:wp_297807",
            "politeness:wp_175082",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "easy-out": (
        ("raop:t3_1ig46p", "raop:t3_1do7ez", "politeness:wp_369741"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
        ),
    ),
    "gratitude": (
        ("raop:t3_tc5ny", "raop:t3_idnpm", "raop:t3_saszu", "politeness:se_texlatex_36822"),
        (
            "politeness:se_stackoverflow_8359969",
            "politeness:se_askubuntu_5126",
            "politeness:se_stackoverflow_646698",
            "politeness:wp_627346",
        ),
    ),
    "i-statement": (
        (
            "politeness:se_askubuntu_5126",
            "politeness:wp_511635",
            "raop:t3_idnpm",
            "politeness:wp_180740",
        ),
        (
            "politeness:se_stackoverflow_8359969",
            "raop:t3_tc5ny",
            "politeness:se_stackoverflow_646698",
            "politeness:wp_627346",
        ),
    ),
}
