"""The attribution rules by name: who a sentence's claim belongs to, and how
that was established. `speech.py` stamps these ids on each voice; the
claim's evidence for `claimant.name` carries the id, and `Claim.attribution`
says whether the speaker was named, inherited or the publisher.

Each example runs through the whole engine in
`tests/extract/frames/test_rule_examples.py`.
"""

from __future__ import annotations

from ..frames.rules import Example, register

__all__ = ["ATTRIBUTION_RULES"]

ATTRIBUTION_RULES = (
    register("attribution.speech_before", "a speaker named before a verb of saying",
             Example("Ukraine's Air Force said Russia launched 150 drones overnight.", "en", {"party": "UA"}),
             Example("Губернатор Курской области Александр Хинштейн сообщил, что ночью беспилотник атаковал Рыльск.",
                     "ru", {"party": "RU"})),
    register("attribution.speech_after", "a speaker named after the verb ('..., said Zelensky', 'повідомив Синєгубов')",
             Example("Russia launched 150 drones at Ukraine overnight, said President Volodymyr Zelensky.", "en",
                     {"party": "UA"}),
             Example("Уночі ворог атакував Харків дронами, повідомив Олег Синєгубов.", "uk", {"party": "UA"})),
    register("attribution.according_to", "'according to X', 'за даними X', 'по данным X'",
             Example("According to Russia's Defence Ministry, air defences destroyed 41 Ukrainian drones overnight.",
                     "en", {"party": "RU"}),
             Example("За даними Повітряних сил, вночі ворог запустив 90 ударних БпЛА.", "uk", {"party": "UA"})),
    register("attribution.pronoun", "'it said', 'he added': the speaker last named",
             Example("Russia's Defence Ministry reported an attack on Bryansk. It said 12 Ukrainian drones were "
                     "destroyed overnight.", "en", {"party": "RU"})),
    register("attribution.quotation", "the sentences of a quotation belong to whoever the quotation is given to",
             Example("\"The enemy launched 40 drones at the region overnight. Two houses were damaged,\" the head of "
                     "the Sumy regional administration said.", "en", {"party": "UA"})),
    register("attribution.antecedent", "a description without a side ('the General Staff') is the body last named "
             "by the same words",
             Example("Ukraine's General Staff confirmed a strike on a refinery in Russia. The General Staff said its "
                     "drones hit the Afipsky refinery overnight.", "en", {"party": "UA"})),
    register("attribution.anaphora", "'the ministry said': the body of that kind last named",
             Example("Russia's Defence Ministry said 30 drones were destroyed over the Kursk region overnight. The "
                     "ministry said debris damaged a house in Rylsk.", "en", {"party": "RU"})),
    register("attribution.regional_context", "'the governor said': the governor of the region the report is about",
             Example("A Ukrainian drone attack damaged a substation in the Belgorod region overnight, the governor said.",
                     "en", {"party": "RU"})),
    register("attribution.about_this", "'Про це повідомив ...': the source of the sentences before it",
             Example("Вночі ворог атакував Одесу ударними дронами. Пошкоджено портову інфраструктуру. Про це повідомив "
                     "начальник Одеської ОВА Олег Кіпер.", "uk", {"party": "UA"})),
    register("attribution.continued", "a sentence without a speaker continues the last one named nearby",
             Example("Ukraine's Air Force said Russia attacked with 60 drones overnight. Forty-two of them were shot "
                     "down.", "en", {"party": "UA", "weapons": [{"category": "drone", "intercepted": 42}]})),
    register("attribution.list_head", "a list line speaks with the voice of the line heading it",
             Example("Повітряні сили повідомили, що вночі збито:\n- 30 ударних БпЛА;\n- 2 крилаті ракети.", "uk",
                     {"party": "UA"})),
    register("attribution.publisher_official", "an official publisher (a ministry, a governor) speaks as itself",
             Example("Overnight the enemy attacked the region with 20 drones; 15 were shot down.", "en",
                     {"party": "UA"}, publisher="Sumy Regional Military Administration")),
    register("attribution.outlet_voice", "a news outlet reporting in its own voice speaks as a third party (OTHER)",
             Example("Russian drones hit a warehouse in Lviv overnight, starting a large fire.", "en",
                     {"party": "OTHER"}, publisher="Example News")),
    register("attribution.publisher_named", "an outlet naming itself speaks in its own voice",
             Example("Example News counted at least 14 refineries hit by Ukrainian drones in Russia on the night "
                     "of 18 to 19 March.", "en", {"party": "OTHER"}, publisher="Example News")),
    register("attribution.source_line", "'Source: General Staff': a story relaying that body throughout",
             Example("Defence forces hit an oil depot in Russia's Bryansk region overnight.\n\nSource: General Staff "
                     "of the Armed Forces of Ukraine", "en", {"party": "UA"}, publisher="Example News")),
    register("attribution.signature", "a signature line names who posts",
             Example("Ночью ВСУ атаковали Белгород беспилотниками, повреждены два дома.\n\nВячеслав Гладков", "ru",
                     {"party": "RU"}, publisher="Telegram")),
    register("attribution.heading", "'Zelensky: ...': a speaker heading the line",
             Example("Zelensky: Russia launched 150 drones and six missiles at Ukraine overnight.", "en",
                     {"party": "UA"})),
    register("attribution.unknown_person", "someone the lexicon does not know, quoted by name, is a witness (OTHER)",
             Example("\"Russian drones hit the plant overnight and the fire burned until morning,\" said Natalya Ivanova, "
                     "a resident of Kharkiv.", "en", {"party": "OTHER"}, publisher="Example News")),
)
