"""Precision and recall of the unverified-figure check on hand-built cases.

Each case is a claim, the text of its cited source(s), and the figures of the
claim that the sources truly do not support (a wrong number, date, amount or
name). The other figures of the claim are stated in the sources, often in
another form (a paraphrase: "$53.4 million" for "$53 million", "850
kilograms" for "850 kg", spelt-out numbers, another date format, a surname
alone, another language's separators). A flagged figure that is truly
unsupported is a true positive; a flagged paraphrase is a false positive (a
false alarm an editor would have to dismiss). Some cases are deliberately
hard (rounding words, unit conversions, relative amounts) so the numbers
measure the check, not the cases. Run: ``python benchmarks/figures_precision.py``.
No network access.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from spector_refs.assess.figures import extract_figures, unverified_figures


@dataclass(frozen=True)
class Case:
    claim: str
    sources: tuple[str, ...]
    unsupported: tuple[str, ...] = ()
    topic: str = ""
    """The title of the article the claim is from (real sentences only)."""


SPECTOR = (
    "Law enforcement seized $53.4 million in cash and virtual currencies, 850 kilograms of drugs and 117 "
    "firearms. Two hundred eighty-eight vendors were arrested in Operation SpecTor, announced on 2 May 2023. "
    "Desnica, a citizen of Croatia and Serbia, was extradited from Austria on June 23, 2023."
)

# Development cases: the check was tuned while looking at these.
DEVELOPMENT = [
    # paraphrases of the seed's figures
    Case("the seizure of $53 million, 850 kg of drugs, and 117 guns", (SPECTOR,)),
    Case("Operation SpecTor resulted in the arrest of 288 vendors", (SPECTOR,)),
    Case("On May 2, 2023, the results were announced", (SPECTOR,)),
    Case("Milomir Desnica is extradited from Austria in June 2023", (SPECTOR,)),
    Case("the seizure of 53,4 Mio. US-Dollar", (SPECTOR,)),
    Case("police seized more than $50 million", (SPECTOR,), ("$50 million",)),
    Case("the seizure of $63 million and 117 guns", (SPECTOR,), ("$63 million",)),
    Case("the seizure of 580 kg of drugs", (SPECTOR,), ("580 kg",)),
    Case("the arrest of 298 vendors", (SPECTOR,), ("298",)),
    Case("On May 3, 2023, the results were announced", (SPECTOR,), ("May 3, 2023",)),
    Case("Desnica was extradited from Austria on June 22, 2023", (SPECTOR,), ("June 22, 2023",)),
    Case("the owner, Milomir Desnica, was extradited", (SPECTOR,)),
    Case("the owner, Zoran Petrovic, was extradited", (SPECTOR,), ("Zoran Petrovic",)),
    # amounts and currencies
    Case("revenue of €1.23 billion", ("The market turned over 1,23 Milliarden Euro.",)),
    Case("revenue of €1.23 billion", ("The market turned over EUR 1.23bn.",)),
    Case("revenue of €1.23 billion", ("The market turned over $1.23 billion.",), ("€1.23 billion",)),
    Case("revenue of €1.2 billion", ("The market turned over €1.23 billion.",)),
    Case("revenue of €1.3 billion", ("The market turned over €1.23 billion.",), ("€1.3 billion",)),
    Case("a fine of £2.5m", ("The court imposed a fine of 2.5 million pounds.",)),
    Case("a fine of £2.5m", ("The court imposed a fine of £2,500,000.",)),
    Case("a fine of £3.5m", ("The court imposed a fine of £2,500,000.",), ("£3.5m",)),
    Case("a budget of $4.2 billion", ("Congress approved 4.2 billion dollars.",)),
    Case("a budget of $4.2 billion", ("Congress approved $4,200 million.",)),
    Case("the company lost half a billion dollars", ("The company lost $500 million.",)),
    # quantities and units
    Case("2 tonnes of cocaine", ("Officers found 2,000 kilograms of cocaine.",)),
    Case("1,874 pounds of drugs", ("Agents seized 850 kg of drugs.",)),
    Case("a 42 km route", ("The route is 42 kilometres long.",)),
    Case("a 42 km route", ("The route is 26 miles long.",)),
    Case("turnout was 45%", ("Turnout reached 45 per cent.",)),
    Case("turnout was 54%", ("Turnout reached 45 per cent.",), ("54%",)),
    Case("prices rose by a third", ("Prices rose 33 percent.",)),
    # counts, spelt out and rounded
    Case("nine countries took part", ("Police from 9 countries took part.",)),
    Case("nine countries took part", ("Police from eight countries took part.",), ("nine",)),
    Case("the operation involved 9 countries", ("The operation involved nine countries.",)),
    Case("about 300 people were arrested", ("Police arrested 288 people.",)),
    Case("288 people were arrested", ("Police arrested nearly 300 people.",), ("288",)),
    Case("twelve suspects were charged", ("A dozen suspects were charged.",)),
    Case("the ship carried 1,200 passengers", ("The ship carried one thousand two hundred passengers.",)),
    Case("the ship carried 1,200 passengers", ("The ship carried 1.200 Passagiere.",)),
    Case("the ship carried 2,100 passengers", ("The ship carried 1,200 passengers.",), ("2,100",)),
    Case("the number of users doubled to 40,000", ("Users grew from 20,000 to 40,000.",)),
    # dates and years
    Case("launched in 2019 and shut down in 2021", ("The site opened in 2019 and closed in late 2021.",)),
    Case("launched in 2019", ("The site opened in 2018.",), ("2019",)),
    Case("the law took effect on 1 January 2020", ("The law took effect on 2020-01-01.",)),
    Case("the law took effect on 1 January 2020", ("The law took effect on 01.01.2020.",)),
    Case(
        "the law took effect on 1 January 2020",
        ("The law took effect on 1 February 2020.",),
        ("1 January 2020",),
    ),
    Case("the report of March 2022", ("Published 14 March 2022.",)),
    Case("the report of March 2022", ("Published 14 May 2022.",), ("March 2022",)),
    Case("the study ran from 2010 to 2015", ("The study ran for five years, from 2010.",), ("2015",)),
    # names
    Case("the Department of Justice announced", ("The Justice Department announced the charges.",)),
    Case("the United States and the United Kingdom", ("Agencies in the U.S. and the UK took part.",)),
    Case("Europol and the Federal Bureau of Investigation", ("Europol and the FBI coordinated the raids.",)),
    Case("the market owner Milomir Desnica", ("Desnica, 33, ran the market.",)),
    Case("according to Andy Greenberg", ("By Andy Greenberg, Wired.",)),
    Case("according to Andy Greenberg", ("By Lily Hay Newman, Wired.",), ("Andy Greenberg",)),
    Case("the Monopoly Market site", ("Monopoly, a darknet market, went offline.",)),
    Case(
        "police in North Rhine-Westphalia",
        ("Police in Düsseldorf and Cologne.",),
        ("North Rhine-Westphalia",),
    ),
    Case("agents of Homeland Security Investigations", ("HSI agents made the arrests.",)),
]

# Second round: held out in round one (precision 0.50 there), then used to fix the check
# (hyphenated numbers in sources, feet and yards, dates without a year, space-grouped thousands).
SECOND_ROUND = [
    Case("the raid took place on 2 May 2023", ("On May 2 police raided the flats.",)),
    Case("the company has 3,500 employees", ("The firm employs about 3.500 people.",)),
    Case("sales of 1.5m units", ("The console sold 1,500,000 units.",)),
    Case("the attack killed 17 people", ("Seventeen people died in the attack.",)),
    Case("a population of 8.3 million", ("The census counted 8,336,817 residents.",)),
    Case("the bridge is 1,280 metres long", ("The span measures 4,200 feet.",)),
    Case("founded by Elon Musk in 2002", ("Musk founded SpaceX in 2002.",)),
    Case("chief executive Sundar Pichai said", ("Google's chief executive, Pichai, said so.",)),
    Case("President Joe Biden signed the bill", ("President Biden signed the bill.",)),
    Case("the 2024 Summer Olympics in Paris", ("The Paris Games in 2024 drew crowds.",)),
    Case("inflation fell to 2.4% in March", ("Consumer prices rose 2.4 percent in March.",)),
    Case("inflation fell to 2.4% in March", ("Consumer prices rose 3.4 percent in March.",), ("2.4%",)),
    Case("he was sentenced to 20 years", ("He received a 20-year sentence.",)),
    Case("the deal was worth $1.2bn", ("The deal was valued at 1.2 billion dollars.",)),
    Case("a $10,000 reward", ("Police offered a reward of ten thousand dollars.",)),
    Case("the attacks of 11 September 2001", ("The 9/11 attacks changed aviation.",)),
    Case("Angela Merkel met Emmanuel Macron", ("Merkel and Macron met in Berlin.",)),
    Case("Angela Merkel met Emmanuel Macron", ("Scholz and Macron met in Berlin.",), ("Angela Merkel",)),
    Case("the vote was 52 to 48", ("Lawmakers voted 52-48.",)),
    Case("the vote was 52 to 48", ("Lawmakers voted 53-47.",), ("52", "48")),
    Case("a debt of €3.1 trillion", ("Public debt stood at 3.1 trillion euros.",)),
    Case("the tower is 330 m tall", ("The tower stands 330 metres high.",)),
    Case("the tower is 330 m tall", ("The tower stands 300 metres high.",), ("330 m",)),
    Case("the album sold 2 million copies", ("The record sold two million copies.",)),
    Case("released on 14 February 2020", ("It came out on Feb. 14, 2020.",)),
    Case("released on 14 February 2020", ("It came out on February 4, 2020.",), ("14 February 2020",)),
    Case("the treaty was signed in Lisbon in 2007", ("The Lisbon Treaty of 2007.",)),
    Case("the treaty was signed in Lisbon in 2009", ("The Lisbon Treaty of 2007.",), ("2009",)),
]

# Held-out cases: written after the last change to the check and never tuned on.
HELD_OUT = [
    Case(
        "founded in 1998 by Larry Page and Sergey Brin", ("Page and Brin started Google in September 1998.",)
    ),
    Case("the earthquake killed more than 50,000 people", ("The death toll exceeded 50,000.",)),
    Case("the earthquake killed more than 50,000 people", ("The death toll exceeded 5,000.",), ("50,000",)),
    Case("the ransom was 4.4 million dollars", ("Colonial paid a $4.4m ransom.",)),
    Case(
        "the hackers demanded $5 million", ("The gang got 75 bitcoin, worth $4.4 million.",), ("$5 million",)
    ),
    Case("the trial began on 3 March 2021", ("Jury selection started March 3rd, 2021.",)),
    Case("the trial began on 3 March 2021", ("Jury selection started March 13, 2021.",), ("3 March 2021",)),
    Case("the river is 6,650 km long", ("The Nile stretches 4,130 miles.",)),
    Case("unemployment reached 10 percent", ("The jobless rate hit 10%.",)),
    Case("unemployment reached 10 percent", ("The jobless rate hit 8%.",), ("10 percent",)),
    Case("the minister Olaf Scholz announced", ("Finance minister Scholz announced the plan.",)),
    Case("the band's singer Freddie Mercury", ("Queen frontman Farrokh Bulsara, known as Mercury, sang.",)),
    Case(
        "the World Health Organization declared a pandemic on 11 March 2020",
        ("On March 11, 2020, the WHO declared COVID-19 a pandemic.",),
    ),
    Case("the European Central Bank raised rates to 4%", ("The ECB lifted its deposit rate to 4 per cent.",)),
    Case("more than 1,000 flights were cancelled", ("Airlines cancelled over a thousand flights.",)),
    Case("the film grossed $2.8 billion worldwide", ("Avatar earned $2.847 billion.",)),
    Case("the film grossed $2.9 billion worldwide", ("Avatar earned $2.847 billion.",), ("$2.9 billion",)),
    Case("the summit in Geneva on 16 June 2021", ("Biden and Putin met in Geneva on Wednesday, June 16.",)),
    Case("the plane carried 239 people", ("MH370 had 227 passengers and 12 crew on board.",)),
    Case("the law passed with 60 votes", ("The bill cleared the Senate 60-40.",)),
    Case("the shooting left 3 dead", ("Three people were killed.",)),
    Case("the company employs 150,000 people worldwide", ("It has about 150 000 staff.",)),
    Case("the missing €1.9 billion", ("€1.9bn is missing from the accounts.",)),
    Case("the Eiffel Tower in Paris", ("La tour Eiffel, Paris.",)),
    Case("revenue of $394.3 billion for fiscal 2022", ("Apple's fiscal 2022 revenue was $394.33 billion.",)),
    Case(
        "revenue of $394.3 billion for fiscal 2021",
        ("Apple's fiscal 2022 revenue was $394.33 billion.",),
        ("2021",),
    ),
]
# Held-out cases of issue 15: written after the last change to the check (sums given as parts, "a thousand",
# year-less days such as "9/11", names of category words, names whose category word is translated) and
# never tuned on; the set above (HELD_OUT, 0.67 before that change) was used to find those fixes.
HELD_OUT_2 = [
    Case("the crash killed 157 people", ("All 149 passengers and 8 crew members died.",)),
    Case("the crash killed 161 people", ("All 149 passengers and 8 crew members died.",), ("161",)),
    Case("more than 1,000 protesters were detained", ("Police said over a thousand people were held.",)),
    Case(
        "about 2,000 protesters were detained", ("Police said over a thousand people were held.",), ("2,000",)
    ),
    Case(
        "after the 9/11 attacks, airport security was tightened",
        ("After the attacks of September 11, 2001, airports changed their screening.",),
    ),
    Case(
        "the attacks of 11 September 2001 killed 2,977 victims",
        ("The 9/11 attacks killed 2,977 people, not counting the 19 hijackers.",),
    ),
    Case(
        "the attacks of 11 September 2001 killed 2,996 victims",
        ("The 9/11 attacks killed 2,977 people, not counting the 19 hijackers.",),
    ),
    Case(
        "the attacks of 11 September 2001 killed 3,100 victims",
        ("The 9/11 attacks killed 2,977 people, not counting the 19 hijackers.",),
        ("3,100",),
    ),
    Case("the 2022 FIFA World Cup in Qatar", ("Qatar hosted the 2022 tournament, organised by FIFA.",)),
    Case("the 2018 Winter Olympics in Pyeongchang", ("The Pyeongchang Games opened in February 2018.",)),
    Case(
        "the 2018 Winter Olympics in Sochi", ("The Pyeongchang Games opened in February 2018.",), ("Sochi",)
    ),
    Case("the Golden Gate Bridge in San Francisco", ("San Francisco's Golden Gate opened in 1937.",)),
    Case("the Brandenburg Gate in Berlin", ("Das Brandenburger Tor in Berlin.",), ("Brandenburg Gate",)),
    Case("the ruling of the Supreme Court", ("The court ruled 6-3 in June.",)),
    Case("a fine of €4.3 billion", ("The Commission fined Google 4.34 billion euros.",)),
    Case("a fine of €5.3 billion", ("The Commission fined Google 4.34 billion euros.",), ("€5.3 billion",)),
    Case("the company laid off 12,000 employees", ("Alphabet said it would cut about 12,000 jobs.",)),
    Case(
        "the company laid off 10,000 employees",
        ("Alphabet said it would cut about 12,000 jobs.",),
        ("10,000",),
    ),
    Case("the ferry carried 476 people", ("The Sewol carried 325 students, 14 teachers and 137 others.",)),
    Case("the ferry carried 500 people", ("The Sewol carried 325 students, 14 teachers and 137 others.",)),
    Case(
        "the ferry carried 520 people",
        ("The Sewol carried 325 students, 14 teachers and 137 others.",),
        ("520",),
    ),
    Case(
        "Chancellor Olaf Scholz visited Kyiv on 14 June 2022",
        ("Scholz arrived in Kyiv on Thursday, June 16, 2022.",),
        ("14 June 2022",),
    ),
    Case(
        "Chancellor Olaf Scholz visited Kyiv on 16 June 2022",
        ("Scholz arrived in Kyiv on Thursday, June 16, 2022.",),
    ),
    Case(
        "the storm left 1.2 million homes without power",
        ("About 1,200,000 customers lost electricity during the storm.",),
    ),
    Case(
        "the storm left 2.1 million homes without power",
        ("About 1,200,000 customers lost electricity during the storm.",),
        ("2.1 million",),
    ),
    Case(
        "the study followed 4,500 patients over 10 years",
        ("Researchers tracked four and a half thousand patients for a decade.",),
    ),
    Case(
        "the study followed 4,500 patients over 12 years",
        ("Researchers tracked 4,500 patients for a decade, from 2008 to 2018.",),
        ("12",),
    ),
    Case(
        "Jacinda Ardern resigned in January 2023", ("Ardern announced her resignation on 19 January 2023.",)
    ),
    Case(
        "Jacinda Ardern resigned in January 2023",
        ("Hipkins was sworn in on 25 January 2023.",),
        ("Jacinda Ardern",),
    ),
    Case("the museum received 8.9 million visitors", ("The Louvre welcomed 8.9m visitors last year.",)),
    Case("the Louvre Museum in Paris", ("Le musée du Louvre, Paris.",)),
    Case(
        "the Tate Modern in London", ("The gallery on Bankside, London, opened in 2000.",), ("Tate Modern",)
    ),
    Case("a 35 percent rise in arrests", ("Arrests rose by more than a third.",)),
    Case("a 35 percent rise in arrests", ("Arrests rose by 25%.",), ("35 percent",)),
    Case("two thousand soldiers were deployed", ("Some 2,000 troops were sent.",)),
    Case("three thousand soldiers were deployed", ("Some 2,000 troops were sent.",), ("three thousand",)),
]
# Fifth round, held out in issue 15 at precision 0.71 (written after the fixes that HELD_OUT_2 led to:
# sums over the English reading of "2,977", "a decade", "four and a half thousand"), then used for fixes
# (titles before names, category words a source drops, acronyms inside capitals, shares in words).
HELD_OUT_3 = [
    Case("the fire destroyed 1,300 homes", ("Some 1,100 houses and 200 apartments burned.",)),
    Case("the fire destroyed 1,500 homes", ("Some 1,100 houses and 200 apartments burned.",), ("1,500",)),
    Case("the bank was fined $1.9 billion", ("HSBC agreed to pay US$1.92bn to settle the case.",)),
    Case(
        "the bank was fined $2.9 billion",
        ("HSBC agreed to pay US$1.92bn to settle the case.",),
        ("$2.9 billion",),
    ),
    Case("the strike lasted 46 days", ("The walkout ended after forty-six days.",)),
    Case("the strike lasted 64 days", ("The walkout ended after forty-six days.",), ("64",)),
    Case("a thousand workers joined the strike", ("About 1,000 employees walked out.",)),
    Case("the vaccine was 95% effective", ("The shot showed 95 per cent efficacy in trials.",)),
    Case("the vaccine was 90% effective", ("The shot showed 95 per cent efficacy in trials.",), ("90%",)),
    Case(
        "the Hubble Space Telescope was launched on 24 April 1990",
        ("Discovery carried Hubble into orbit on April 24, 1990.",),
    ),
    Case(
        "the Hubble Space Telescope was launched on 25 April 1990",
        ("Discovery carried Hubble into orbit on April 24, 1990.",),
        ("25 April 1990",),
    ),
    Case("the European Parliament approved the law", ("MEPs in Strasbourg approved the law.",)),
    Case("the Great Barrier Reef off Queensland", ("The reef off the Queensland coast bleached again.",)),
    Case("Prime Minister Rishi Sunak announced the plan", ("Sunak announced the plan on Monday.",)),
    Case(
        "Prime Minister Rishi Sunak announced the plan",
        ("Johnson announced the plan on Monday.",),
        ("Rishi Sunak",),
    ),
    Case("a convoy of 40 trucks", ("A convoy of 25 lorries and 15 vans crossed the border.",)),
    Case("a convoy of 45 trucks", ("A convoy of 25 lorries and 15 vans crossed the border.",), ("45",)),
    Case("the dam is 185 metres high", ("The dam rises 607 feet above the river.",)),
    Case("the dam is 285 metres high", ("The dam rises 607 feet above the river.",), ("285 metres",)),
    Case("the population grew to 1.4 billion", ("China's population reached 1,411,750,000.",)),
    Case(
        "the population grew to 1.5 billion", ("China's population reached 1,411,750,000.",), ("1.5 billion",)
    ),
    Case("the trial lasted two weeks in March 2019", ("The two-week trial ended on 29 March 2019.",)),
    Case(
        "the trial lasted two weeks in May 2019",
        ("The two-week trial ended on 29 March 2019.",),
        ("May 2019",),
    ),
    Case(
        "the Sydney Opera House opened in 1973",
        ("Queen Elizabeth opened the Opera House in Sydney in 1973.",),
    ),
    Case(
        "the Sydney Opera House opened in 1975",
        ("Queen Elizabeth opened the Opera House in Sydney in 1973.",),
        ("1975",),
    ),
    Case("the company sold 3.2 million cars", ("Deliveries totalled 3,200,000 vehicles.",)),
    Case("the company sold 2.3 million cars", ("Deliveries totalled 3,200,000 vehicles.",), ("2.3 million",)),
    Case(
        "the earthquake struck on 6 February 2023", ("The quake hit southern Turkey early on Feb. 6, 2023.",)
    ),
    Case("nine of the 12 jurors", ("Nine jurors out of twelve voted to convict.",)),
    Case("seven of the 12 jurors", ("Nine jurors out of twelve voted to convict.",), ("seven",)),
]
# Real sentences, development: claims of the bundled "Operation SpecTor" article (tests/fixtures/trio, as the
# parser splits them at their citation markers) against the text of what they cite. Each source below is
# restated in our words from the page named beside it (the pages' own wording is not copied); every
# figure, date and name is written as that page writes it. Unsupported figures come from claims with one
# figure changed (marked "changed"). The check was tuned on this round.
EUROPOL_4 = (  # [4] Europol press release of 2 May 2023, as its text is quoted by AFP and AP reports
    "The Hague, 2 May 2023. In an operation coordinated by Europol and involving nine countries, police "
    "seized the illegal dark web marketplace 'Monopoly Market' and arrested 288 suspects who bought or sold "
    "drugs on the dark web. Arrests: United States 153, United Kingdom 55, Germany 52, the Netherlands 10, "
    "Austria 9, France 5, Switzerland 2, Poland 1, Brazil 1. Officers seized EUR 50.8 million in cash and "
    "virtual currencies, 850 kg of drugs and 117 firearms, among them 258 kg of amphetamine, 43 kg of "
    "cocaine, 43 kg of MDMA and more than 10 kg of LSD and ecstasy pills. The action follows the takedown "
    "of the marketplace's infrastructure by German authorities in December 2021."
)
DOJ_6 = (  # [6] justice.gov, U.S. Attorney's Office, District of Columbia, Friday, June 23, 2023
    "Friday, June 23, 2023. Defendant facilitated $18 million in illegal drug transactions using "
    "cryptocurrency. Milomir Desnica has been extradited from Austria to face charges of running a darknet "
    "narcotics marketplace; the charges were unsealed on May 25, 2023. Desnica, 33, of Smederevska "
    "Palanka, Serbia, a citizen of Croatia and Serbia, was indicted on July 26, 2022. According to the "
    "indictment, in late 2019 Desnica launched and operated a darknet marketplace known as Monopoly Market. "
    "In December 2021 law enforcement in the United States, Germany and Finland seized the server hosting "
    "Monopoly. Desnica was arrested in Austria in November 2022."
)
CNBC_8 = (  # [8] CNBC, Rohan Goswami, 2 May 2023
    "May 2, 2023. Drugs, guns and crypto seized, 288 arrested, in 'unprecedented' dark web crackdown. "
    "Operation SpecTor, announced Tuesday by the Justice Department and Europol, arrested 288 people "
    "across the U.S., Europe and South America and seized $53.4 million, 850 kilograms of drugs and 117 "
    "firearms. The operation followed the takedown of Monopoly Market."
)
DOJ_10 = (  # [10] justice.gov, U.S. Attorney's Office, District of Columbia, November 8, 2023
    "Wednesday, November 8, 2023. Milomir Desnica, 33, a national of Serbia and Croatia, pleaded guilty "
    "today to conspiracy to distribute 50 grams or more of methamphetamine. He launched and operated the "
    "darknet marketplace Monopoly Market beginning in late 2019; it facilitated over $18 million in "
    "narcotics sales worldwide, including over 30 kilograms of methamphetamine sold to U.S. customers. "
    "Sentencing is scheduled for February 15, 2024."
)
DOJ_11 = (  # [11] justice.gov, Office of Public Affairs, May 2, 2023
    "Tuesday, May 2, 2023. The Justice Department, its Joint Criminal Opioid and Darknet Enforcement "
    "(JCODE) team and international partners announced Operation SpecTor, a coordinated international "
    "effort across the United States, Europe and South America. It resulted in 288 arrests, the most of "
    "any JCODE operation, and in seizures of 117 firearms, 850 kilograms of drugs including 64 kilograms "
    "of fentanyl or fentanyl-laced narcotics, and $53.4 million in cash and virtual currencies."
)
FORTUNE_12 = (  # [12] Fortune Europe (AP report), 2 May 2023
    "300 arrested in crackdown on dark web 'Monopoly Market' drug trafficking. Authorities in the U.S. and "
    "Europe arrested nearly 300 people and confiscated over $53 million. Europol said 288 suspects were "
    "arrested and 50.8 million euros ($53.4 million) in cash and virtual currencies, 850 kilograms of "
    "drugs and 117 firearms were seized. The largest number of arrests, 153, were in the United States."
)
REAL_DEV = [
    replace(case, topic="Operation SpecTor")
    for case in [
        Case(
            "Operation SpecTor was an operation coordinated by Europol, which involved nine countries",
            (EUROPOL_4,),
        ),
        Case(
            "Operation SpecTor was an operation coordinated by Europol, which involved seven countries",
            (EUROPOL_4,),
            ("seven",),
        ),
        Case("Austria, France, Germany, and the Netherlands", (EUROPOL_4,)),
        Case("Monopoly Market was a darknet market operating from 2019 to 2021", (DOJ_6,)),
        Case("Monopoly Market was a darknet market operating from 2018 to 2021", (DOJ_6,), ("2018",)),
        Case(
            "The market was discovered to be owned by Milomir Desnica, as a result of the operation", (DOJ_6,)
        ),
        Case(
            "The market was discovered to be owned by Milomir Desnic, as a result of the operation",
            (DOJ_6,),
            ("Milomir Desnic",),
        ),
        Case("2019 Monopoly Market is launched by Milomir Desnica", (DOJ_6,)),
        Case("May 2023 288 vendors are arrested, in connection to Monopoly Market", (CNBC_8,)),
        Case("May 2023 298 vendors are arrested, in connection to Monopoly Market", (CNBC_8,), ("298",)),
        Case("and Milomir Desnica is extradited from Austria.", (DOJ_6,)),
        Case("Nov 2023 Milomir Desnica pleads guilty to running Monopoly Market", (DOJ_10,)),
        Case("Dec 2023 Milomir Desnica pleads guilty to running Monopoly Market", (DOJ_10,), ("Dec 2023",)),
        Case(
            "In the United States, the Department of Justice's J-CODE team (with international partners) "
            "introduced the results of SpecTor, which was a monumental success, ranking the most arrests "
            "ever for any J-CODE operation.",
            (DOJ_11,),
        ),
        Case("Operation SpecTor resulted in the arrest of 288", (FORTUNE_12,)),
        Case("as well as the seizure of $53 million, 850 kg of drugs, and 117 guns.", (DOJ_11,)),
        Case(
            "as well as the seizure of $35 million, 850 kg of drugs, and 171 guns.",
            (DOJ_11,),
            ("$35 million", "171"),
        ),
        Case(
            "The operation also resulted the extradition of the owner, Milomir Desnica, from Austria.",
            (DOJ_6,),
        ),
    ]
]
# Held-back round of real sentences (issue 15, written after the last change to the check, 1e1eb1a, and
# measured once): claims of the Dog, Bodmin and Elizabeth Gilbert articles (the samples in
# tests/fixtures/html and tests/fixtures/wikitext, as the parser splits them at their citation markers)
# against the text of the page they cite, or where that page could not be read, of a page that reports
# the same thing (named beside each source). Each source text below restates that page in our words (its
# wording is not copied); every figure, date and name is written as the page writes it. Labels were
# decided by reading these texts before the check was run on them: a figure is unsupported when the text
# does not state it in any wording or notation (the same entity under another form of its name counts as
# stated). Unsupported figures also come from claims with one figure changed ("changed": a digit altered
# or two digits swapped). Wikipedia text: CC BY-SA, the Wikipedia contributors.
PUSUKE_AP = (  # AP report of 5 December 2011 (as run by the Philippine Daily Inquirer); the cited
    # Digital Journal page could not be read
    "Tokyo. The world's oldest dog according to Guinness World Records, Pusuke, a tan Shiba mix, died on "
    "Monday, Dec. 5, 2011, in Sakura, a city outside Tokyo, at the age of 26 years and eight months, after "
    "suddenly falling ill and refusing to eat, his owner Yumiko Shinohara said. Guinness gives his birth "
    "date as April 1, 1985; he was recognized as the world's oldest living dog last December. The Guinness "
    "record for canine longevity, 29 years, belongs to Bluey, an Australian cattle dog who died in 1939."
)
PUSUKE_EITB = (  # eitb.eus news report on Pusuke's death (no date in its text)
    "Pusuke, the world's oldest living dog recognized by the Guinness Book of Records, has died at his home "
    "in Sakura, Tochigi prefecture, Japan, at the age of 26 years and nine months, more than 125 in human "
    "years. Guinness confirmed him in December last year as the oldest living dog, at 26. He was born on "
    "April 1, 1985. He kept up his morning and evening walks until Monday morning, when he refused to eat; "
    "he died that afternoon."
)
LAIKA_REUTERS = (  # Reuters, 11 April 2008, "Russia fetes dog Laika, first earthling in space" (cited)
    "Moscow on Friday honoured Laika, a stray dog who became famous half a century ago as the first living "
    "creature from Earth to fly into space. Academics laid flowers at a new monument near the Military "
    "Medicine Institute showing the dog on a Vostok rocket, unveiled on the eve of Cosmonauts' Day, which "
    "marks Yuri Gagarin's April 12, 1961 flight of 108 minutes. Long before Gagarin, Laika blasted off into "
    "space on November 3, 1957; trained for eight months, she died during her historic flight."
)
CDC_BITES = (  # a law firm's page quoting the CDC's dog-bite figures; the cited CDC page could not be read
    "Dog bites and attacks are a major problem in the United States. About 4.5 million people are bitten by "
    "dogs each year (Center for Disease Control and Prevention). About 885,000 people need medical "
    "attention for dog bite injuries (CDC). In 2006, more than 31,000 people had reconstructive surgery "
    "after dog bites."
)
FATAL_ATTACKS = (  # Police Magazine, 2009, giving the figures of the cited dogbitelaw.com statistics page
    "At last count there are an estimated 74.8 million dogs in the U.S., 4.7 million dog bites each year, "
    "800,000 (1 of every 6 bites) needing medical attention and 368,000 (1,008 a day) people sent to the ER. "
    "So far in 2009 there have been 17 fatal dog maulings in the U.S., on pace with 2007's total of 33. The "
    "2000's have averaged 26 fatal attacks per year, up from an average 17 during the 1980's - 1990's."
)
COMPASSION_LAT = (  # Los Angeles Times, 23 December 2015 (cited)
    "Five bestselling authors, Cheryl Strayed, Elizabeth Gilbert, Glennon Doyle Melton, Rob Bell and Brené "
    "Brown, formed the Compassion Collective and raised $1 million for Syrian refugees in just 31 hours, "
    "with donations of $25 or less. Within an hour they had $70,000; nine hours later, over $300,000. They "
    "passed the $1 million mark on Dec. 21."
)
COMPASSION_BORGEN = (  # The Borgen Project, 2016, on the same drive
    "In December, writers formed The Compassion Collective to raise $1 million for Syrian refugees. Within "
    "31 hours of launching the online campaign, with no donation above $25, they reached the goal. By the "
    "end of 2015, 41,000 people had given and the group had collected $1.3 million."
)
CALLYWITH_2015 = (  # callywith.ac.uk press release of 21 September 2015 (cited by the 1280 sentence)
    "Truro and Penwith College is consulting local communities on a purpose-built post-16 college on land "
    "at Bodmin, due to open to its first intake of students in September 2017. Callywith College will "
    "provide for up to 1,280 young people, with an expected first year intake of 335. The college has "
    "submitted a planning application for four education and training buildings, a floodlit sports pitch, "
    "landscaping and a car park, and seeks the views of would-be students and parents in the north and "
    "east of Cornwall."
)
CALLYWITH_TURF = (  # callywith.ac.uk, cutting of the first turf; the cited gov.uk release could not be read
    "The official start of construction of Callywith College in Bodmin was marked with a cutting-of-the-"
    "turf ceremony. The college is opened in association with Truro and Penwith College and received "
    "Department for Education funding and approval in February 2016. Contractor Kier is building it on a "
    "10-acre site."
)
UMAINE = (  # University of Maine news, 11 January 2011 (cited)
    "A University of Maine graduate student, Samuel Belknap III, has found evidence of the oldest "
    "identifiable domestic dog in the Americas: a 9,400-year-old skull fragment of a domestic dog, found in "
    "a human paleofecal sample from southwest Texas. He works under Kristin Sobolik in UMaine's Department "
    "of Anthropology and Climate Change Institute."
)
ONEILL_2013 = (  # PubMed abstract of O'Neill et al., Vet J 2013 (cited)
    "Longevity and mortality of owned dogs in England. O'Neill DG et al. Vet J. 2013 Dec;198(3):638-43. "
    "Health records of 102,609 dogs at 86 first-opinion veterinary practices in central and southeast "
    "England were analysed, with 5095 confirmed deaths. Of the dead dogs with information, 3961 (77.9%) "
    "were purebred; the overall median longevity was 12.0 years (IQR 8.9-14.2). Multivariable modelling "
    "showed that crossbred dogs lived 1.2 years longer than purebred dogs (95% confidence interval 0.9-1.4; "
    "P<0.001) and that longevity fell as bodyweight rose."
)
ATLANTIC_2013 = (  # The Atlantic, November 2013, "The 'Stubborn Gladness' of Elizabeth Gilbert's …" (cited)
    "The Eat, Pray, Love author on the late Jack Gilbert. When he died last year at 87, Jack Gilbert was a "
    "little-known literary outsider. Elizabeth Gilbert had never heard of him until she found him by chance "
    "in 2006, helped by their shared surname; since then he has become 'the poet laureate of her life', "
    "she said. In 2006 she taught creative writing at the University of Tennessee at Knoxville, a rotating "
    "chair that brought a new visiting writer each year."
)
PW_RANGE = (  # Publishers Weekly review of the reissue; the cited GQ interview could not be read
    "At Home on the Range. Margaret Yardley Potter, introduction by Elizabeth Gilbert. McSweeney's, $24 "
    "(240p) ISBN 978-1-936365-89-0. Gilbert brings back the cookbook of her great-grandmother 'Gima' "
    "Yardley Potter, first published in 1947, by a woman from a wealthy Main Line Philadelphia family who "
    "married a lawyer in the 1920s and ran her own kitchen within three years of marrying. (May)"
)
KITCHN_RANGE = (  # The Kitchn, on the same reissue
    "You probably know Elizabeth Gilbert and her best seller Eat, Pray, Love, but not her great-grandmother, "
    "Margaret Yardley Potter, or her 1941 cookbook At Home on the Range, just re-released by McSweeney's."
)
_PUSUKE = (
    "On 5 December 2011, Pusuke, the world's oldest living dog recognized by Guinness Book of World Records, "
    "died aged 26 years and 9 months."
)
_LAIKA = (
    "In {}, the dog Laika became the first animal to be launched into Earth orbit, aboard the Soviets' "
    "Sputnik 2; she died during the flight."
)
_CDC = (
    "Citing a 2008 study, the U.S. Center for Disease Control estimated in 2015 that {} million people in "
    "the USA are bitten by dogs each year."
)
_FATAL = (
    "In the 1980s and 1990s the US averaged {} fatalities per year, while in the 2000s this has increased "
    "to 26."
)
_CALLYWITH = (
    "Callywith College is a Further Education college in Bodmin, Cornwall, due to open in September 2017, "
    "with applications being accepted from September 2016."
)
_AIM = (
    'Its aim is to "provide the outstanding Truro and Penwith College experience for up to {} young people '
    'in Bodmin and North and East Cornwall."'
)
_CANIDS = (
    "although the earliest archaeological evidence of dog-like canids in North America dates from about "
    "{} years ago."
)
_MIXED = (
    "In 2013, a study found that mixed breeds live on average {} years longer than pure breeds, and that "
    "increasing body-weight was negatively correlated with longevity (i.e. the heavier the dog the shorter "
    "its lifespan)."
)
_JACK = (
    'She also declared Jack Gilbert as "the poet laureate of my life" when she succeeded him as a '
    "writer-in-residence at the University of Tennessee in {}."
)
_RANGE = (
    "In 2012, she republished At Home on the Range, a 1947 cookbook written by her great-grandmother, the "
    "food columnist Margaret Yardley Potter."
)
REAL_HELD_BACK = [
    *(
        replace(case, topic="Dog")
        for case in [
            Case(_PUSUKE, (PUSUKE_AP,), ("9",)),
            Case(_PUSUKE, (PUSUKE_EITB,), ("5 December 2011",)),
            Case(_LAIKA.format(1957), (LAIKA_REUTERS,), ("2",)),
            Case(_LAIKA.format(1958), (LAIKA_REUTERS,), ("1958", "2")),  # changed
            Case(_CDC.format(4.5), (CDC_BITES,), ("2008", "2015")),
            Case(_CDC.format(5.4), (CDC_BITES,), ("2008", "2015", "5.4 million")),  # changed
            Case(_FATAL.format(17), (FATAL_ATTACKS,)),
            Case(_FATAL.format(19), (FATAL_ATTACKS,), ("19",)),  # changed
            Case(_CANIDS.format("9,400"), (UMAINE,), ("North America",)),
            Case(_CANIDS.format("9,700"), (UMAINE,), ("9,700", "North America")),  # changed
            Case(_MIXED.format(1.2), (ONEILL_2013,)),
            Case(_MIXED.format(2.1), (ONEILL_2013,), ("2.1",)),  # changed
        ]
    ),
    *(
        replace(case, topic="Bodmin")
        for case in [
            Case(_CALLYWITH, (CALLYWITH_2015,), ("September 2016", "Further Education")),
            Case("A total of 660 places will be available in its first year.", (CALLYWITH_2015,), ("660",)),
            Case(_AIM.format(1280), (CALLYWITH_2015,)),
            Case(_AIM.format(1820), (CALLYWITH_2015,), ("1820",)),  # changed
            Case(
                "It received the go-ahead in February 2016, funded as a Free School.",
                (CALLYWITH_TURF,),
                ("Free School",),
            ),
        ]
    ),
    *(
        replace(case, topic="Elizabeth Gilbert")
        for case in [
            Case("They raised over $1 million in 31 hours.", (COMPASSION_LAT,)),
            Case("They raised over $2 million in 31 hours.", (COMPASSION_LAT,), ("$2 million",)),  # changed
            Case("They raised over $1 million in 13 hours.", (COMPASSION_LAT,), ("13",)),  # changed
            Case("They raised over $1 million in 31 hours.", (COMPASSION_BORGEN,)),
            Case(_JACK.format(2006), (ATLANTIC_2013,)),
            Case(_JACK.format(2004), (ATLANTIC_2013,), ("2004",)),  # changed
            Case(_RANGE, (PW_RANGE,), ("2012",)),
            Case(_RANGE, (KITCHN_RANGE,), ("2012", "1947")),
        ]
    ),
]
CASES = DEVELOPMENT + SECOND_ROUND + HELD_OUT + HELD_OUT_2 + HELD_OUT_3 + REAL_DEV + REAL_HELD_BACK


def score(cases: list[Case]) -> dict[str, float]:
    """Counts of true and false positives and negatives over all figures of all cases."""
    tp = fp = fn = figures = 0
    for case in cases:
        figures += len(extract_figures(case.claim))
        flagged = {figure.text for figure in unverified_figures(case.claim, case.sources, case.topic)}
        truth = set(case.unsupported)
        tp += len(flagged & truth)
        fp += len(flagged - truth)
        fn += len(truth - flagged)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"cases": len(cases), "figures": figures, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall}  # fmt: skip


def report_misses(cases: list[Case]) -> None:
    """Print every false alarm and every missed mismatch, so they can be read, not just counted."""
    for case in cases:
        flagged = {figure.text for figure in unverified_figures(case.claim, case.sources, case.topic)}
        for text in sorted(flagged - set(case.unsupported)):
            print(f"  false alarm: {text!r} in {case.claim!r}")
        for text in sorted(set(case.unsupported) - flagged):
            print(f"  missed:      {text!r} in {case.claim!r}")


def main() -> int:
    rounds = (
        ("development", DEVELOPMENT),
        ("second round", SECOND_ROUND),
        ("third round (held out, then used for fixes)", HELD_OUT),
        ("fourth round (held out at 0.78, then used for fixes)", HELD_OUT_2),
        ("fifth round (held out at 0.71, then used for fixes)", HELD_OUT_3),
        ("real sentences, development (Operation SpecTor; tuned on)", REAL_DEV),
        ("real sentences, held back (Dog, Bodmin, Elizabeth Gilbert; measured once)", REAL_HELD_BACK),
    )
    for label, cases in (*rounds, ("all", CASES)):
        result = score(cases)
        counts = (
            f"true positives {result['tp']}, false positives {result['fp']}, false negatives {result['fn']}"
        )
        rates = f"precision {result['precision']:.2f}, recall {result['recall']:.2f}"
        print(f"{label}: {result['cases']} cases, {result['figures']} figures — {counts}; {rates}")
    report_misses(CASES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
